DELETE FROM sessions WHERE expires_at < now();
INSERT INTO archive SELECT * FROM sessions;
CREATE INDEX sessions_user_idx ON sessions (user_id); -- expect: mixed-ddl-dml@1 "which deletes from `sessions`"
