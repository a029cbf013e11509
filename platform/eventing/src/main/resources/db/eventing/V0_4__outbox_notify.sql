-- Wakes the relays of other processes on the same database when outbox rows commit (NOTIFY is
-- delivered on commit, never for a rollback, and folds repeats within one transaction). The
-- payload names the writer, so that a relay can skip the writes of its own process, which it
-- learns of in-process.
CREATE OR REPLACE FUNCTION event_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('huoshui_outbox', current_setting('application_name'));
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS event_outbox_written ON event_outbox;
CREATE TRIGGER event_outbox_written AFTER INSERT ON event_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION event_outbox_notify();
