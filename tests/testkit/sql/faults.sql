-- Test-only: make health recording fail for chosen actors while they keep
-- looping (the "stale" fault). The health-check activity connects with
-- application_name = its actor id; a pattern (LIKE) names one actor, or every
-- actor of an instance (an instance that can never record health).
-- Not part of the CMS schema.
CREATE TABLE IF NOT EXISTS public.actorctl_test_faults (pattern text PRIMARY KEY);
CREATE OR REPLACE FUNCTION public.actorctl_test_reject_health() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.actorctl_test_faults f
                WHERE current_setting('application_name', true) LIKE f.pattern) THEN
        RAISE EXCEPTION 'injected fault: health recording disabled for actor %',
            current_setting('application_name', true);
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS actorctl_test_reject_health ON __CMS__.instance_health_checks;
CREATE TRIGGER actorctl_test_reject_health BEFORE INSERT ON __CMS__.instance_health_checks
    FOR EACH ROW EXECUTE FUNCTION public.actorctl_test_reject_health();
