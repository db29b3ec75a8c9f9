-- Guarded statements, temporary tables, drops of what the file created.
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text);
CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (email);
CREATE SCHEMA IF NOT EXISTS billing;
CREATE SEQUENCE IF NOT EXISTS billing.invoice_seq;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text, DROP COLUMN IF EXISTS legacy;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_legacy_check;
DROP INDEX CONCURRENTLY IF EXISTS users_old_idx;
DROP TABLE IF EXISTS old_sessions;
CREATE TEMPORARY TABLE scratch (id int);
SELECT id INTO backup_ids FROM users;
CREATE TABLE IF NOT EXISTS staging (id int);
CREATE INDEX IF NOT EXISTS staging_id_idx ON staging (id);
DROP INDEX staging_id_idx;
DROP TABLE staging;
-- No clause exists for these.
CREATE TYPE mood AS ENUM ('ok');
ALTER TABLE users ADD CONSTRAINT users_id_check CHECK (id > 0);
ALTER TABLE users RENAME COLUMN a TO b;
RESET lock_timeout;
