-- Test-only: make health recording fail for chosen instances while their
-- actors keep looping (the "stale" fault). Not part of the CMS schema.
CREATE TABLE IF NOT EXISTS public.actorctl_test_faults (instance_id uuid PRIMARY KEY);
CREATE OR REPLACE FUNCTION public.actorctl_test_reject_health() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.actorctl_test_faults f WHERE f.instance_id = NEW.instance_id) THEN
        RAISE EXCEPTION 'injected fault: health recording disabled for instance %', NEW.instance_id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS actorctl_test_reject_health ON __CMS__.instance_health_checks;
CREATE TRIGGER actorctl_test_reject_health BEFORE INSERT ON __CMS__.instance_health_checks
    FOR EACH ROW EXECUTE FUNCTION public.actorctl_test_reject_health();
