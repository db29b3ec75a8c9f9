-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB WAIT n / NOWAIT bound the statement's own lock wait (lock_wait_timeout
-- n / 0 for that statement only): clean, on every statement that takes them.
CREATE INDEX idx_users_name ON users (name) WAIT 5;
CREATE UNIQUE INDEX idx_users_email ON users (email) NOWAIT;
DROP INDEX idx_users_old ON users NOWAIT;
DROP TABLE old_sessions WAIT 3;
RENAME TABLE orders WAIT 2 TO orders_old;
TRUNCATE TABLE audit_log WAIT 1;
OPTIMIZE TABLE events WAIT 1;
ALTER TABLE users WAIT 2 ADD COLUMN nickname VARCHAR(50);
LOCK TABLE accounts WRITE WAIT 5;
UNLOCK TABLES;
-- The WAIT of one statement does not reach the next one.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN bio TEXT; -- expect: missing-lock-timeout@1 "no lock_wait_timeout set"
-- A WAIT longer than the maximum is no bound.
ALTER TABLE users WAIT 60 DROP COLUMN bio; -- expect: missing-lock-timeout@1 "lock_wait_timeout 1min, above the maximum of 5s"
