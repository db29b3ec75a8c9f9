-- ddlint-test: rules=backfill-fires-triggers
-- A MySQL trigger fires only for its one event.
CREATE TRIGGER sessions_touch BEFORE UPDATE ON sessions FOR EACH ROW SET NEW.updated_at = NOW();
DELETE FROM sessions WHERE expires_at < NOW();
UPDATE sessions SET kind = 'web' WHERE kind IS NULL; -- expect: backfill-fires-triggers@1 "which has trigger `sessions_touch`"
