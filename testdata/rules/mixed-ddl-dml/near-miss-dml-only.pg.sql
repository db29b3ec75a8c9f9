UPDATE users SET plan = 'free' WHERE plan IS NULL AND id < 10000;
DELETE FROM sessions WHERE expires_at < now();
INSERT INTO archive SELECT * FROM sessions;
-- Non-blocking DDL does not count.
CREATE INDEX CONCURRENTLY IF NOT EXISTS sessions_user_idx ON sessions (user_id);
ALTER TABLE users VALIDATE CONSTRAINT users_plan_check;
VACUUM sessions;
