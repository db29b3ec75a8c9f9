-- Clean: a short lock_wait_timeout in effect, in either spelling (0 is read
-- as the minimum, 1 second); tables
-- created in the file; DML takes no exclusive metadata lock.
UPDATE users SET nickname = name WHERE id < 1000;
SET SESSION lock_wait_timeout = 3;
ALTER TABLE users ADD COLUMN nickname VARCHAR(50), ALGORITHM=INSTANT;
SET @@session.lock_wait_timeout = 2;
CREATE INDEX idx_users_name ON users (name);
DROP TABLE old_sessions;
CREATE TABLE invoices (id BIGINT PRIMARY KEY, total DECIMAL(10, 2));
SET lock_wait_timeout = DEFAULT;
ALTER TABLE invoices ADD COLUMN paid TINYINT(1) NOT NULL DEFAULT 0;
CREATE INDEX idx_invoices_paid ON invoices (paid);
SET SESSION lock_wait_timeout = 0;
ALTER TABLE users DROP INDEX idx_users_old;
