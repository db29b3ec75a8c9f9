-- ddlint-test: rules=backfill-fires-triggers
-- A row trigger fires only for the statements it names.
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER accounts_audit AFTER INSERT OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
UPDATE accounts SET plan = 'free' WHERE plan IS NULL; -- expect: backfill-fires-triggers@1 "which has trigger `accounts_touch`: it runs"
DELETE FROM accounts WHERE closed_at < now() - interval '1 year'; -- expect: backfill-fires-triggers@1 "which has trigger `accounts_audit`: it runs"
CREATE TRIGGER sessions_touch BEFORE UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
-- An UPDATE trigger does not fire for a DELETE or an INSERT.
DELETE FROM sessions WHERE expires_at < now();
INSERT INTO sessions SELECT * FROM legacy_sessions;
