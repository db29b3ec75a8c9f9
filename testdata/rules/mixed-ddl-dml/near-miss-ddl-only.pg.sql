ALTER TABLE users ADD COLUMN plan text;
CREATE INDEX users_plan_idx ON users (plan);
DROP TABLE old_sessions;
TRUNCATE audit_log;
