-- MySQL/MariaDB: every DDL statement on an existing table waits for an
-- exclusive metadata lock, even INSTANT and LOCK=NONE ones.
CREATE TABLE audit (id BIGINT PRIMARY KEY);
ALTER TABLE audit ADD COLUMN note TEXT;
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname VARCHAR(50), ALGORITHM=INSTANT; -- expect: missing-lock-timeout@1 "the exclusive metadata lock on `users` with no lock_wait_timeout set"
ALTER TABLE users ADD INDEX idx_users_email (email), ALGORITHM=INPLACE, LOCK=NONE;
-- A longer timeout than the maximum is reported; a GLOBAL one does not reach this session.
SET SESSION lock_wait_timeout = 60;
SET SESSION lock_wait_timeout = 5;
CREATE INDEX idx_users_name ON users (name); -- expect: missing-lock-timeout@1 "lock_wait_timeout 1min, above the maximum of 5s"
SET GLOBAL lock_wait_timeout = 2;
DROP TABLE old_sessions;
-- DEFAULT is a year.
SET lock_wait_timeout = DEFAULT;
SET SESSION lock_wait_timeout = 5;
RENAME TABLE orders TO orders_old; -- expect: missing-lock-timeout@1 "no lock_wait_timeout set"
