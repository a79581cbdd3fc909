-- The toygres CMS schema (DOMAIN.md §1), as the control plane creates it.
-- __CMS__ is replaced by the schema name. The `last_health_check` column is
-- added separately: older deployments do not have it.
DO $$ BEGIN
    CREATE TYPE public.instance_state AS ENUM ('creating', 'running', 'deleting', 'deleted', 'failed');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
    CREATE TYPE public.health_status AS ENUM ('healthy', 'unhealthy', 'unknown');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE SCHEMA IF NOT EXISTS __CMS__;

CREATE TABLE __CMS__.instances (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_name varchar(255) NOT NULL,
    k8s_name varchar(255) NOT NULL UNIQUE,
    namespace varchar(255) NOT NULL DEFAULT 'toygres',
    postgres_version varchar(50) NOT NULL DEFAULT '18',
    storage_size_gb integer NOT NULL DEFAULT 10,
    use_load_balancer boolean NOT NULL DEFAULT false,
    dns_name varchar(255),
    ip_connection_string text,
    dns_connection_string text,
    external_ip varchar(255),
    state public.instance_state NOT NULL DEFAULT 'creating',
    health_status public.health_status NOT NULL DEFAULT 'unknown',
    create_orchestration_id text,
    delete_orchestration_id text,
    instance_actor_orchestration_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    tags jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ON __CMS__.instances (state);
CREATE INDEX ON __CMS__.instances (user_name);
-- toygres's is UNIQUE; tests may share a dns_name between instances.
CREATE INDEX ON __CMS__.instances (dns_name) WHERE dns_name IS NOT NULL AND dns_name NOT LIKE '__deleted_%';

CREATE TABLE __CMS__.instance_health_checks (
    id bigserial PRIMARY KEY,
    instance_id uuid NOT NULL REFERENCES __CMS__.instances(id) ON DELETE CASCADE,
    status varchar(50) NOT NULL,
    postgres_version text,
    response_time_ms integer,
    error_message text,
    checked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON __CMS__.instance_health_checks (instance_id, checked_at DESC);

CREATE TABLE __CMS__.instance_events (
    id bigserial PRIMARY KEY,
    instance_id uuid NOT NULL REFERENCES __CMS__.instances(id) ON DELETE CASCADE,
    event_type varchar(100) NOT NULL,
    old_state varchar(50),
    new_state varchar(50),
    message text,
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON __CMS__.instance_events (instance_id, created_at DESC);

CREATE OR REPLACE FUNCTION __CMS__.bump_updated_at() RETURNS trigger AS $$
BEGIN NEW.updated_at = now(); RETURN NEW; END $$ LANGUAGE plpgsql;
CREATE TRIGGER instances_updated_at BEFORE UPDATE ON __CMS__.instances
    FOR EACH ROW EXECUTE FUNCTION __CMS__.bump_updated_at();
