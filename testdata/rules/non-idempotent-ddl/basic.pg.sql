-- No transaction: every statement commits on its own, and a later one may fail.
CREATE TABLE accounts (id bigint PRIMARY KEY, email text); -- expect: non-idempotent-ddl@1 "CREATE TABLE `accounts` has no IF NOT EXISTS"
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email); -- expect: non-idempotent-ddl@1 "CREATE INDEX `accounts_email_idx`"
CREATE UNIQUE INDEX ON accounts (lower(email)); -- expect: non-idempotent-ddl@1 "duplicate index"
CREATE SCHEMA billing; -- expect: non-idempotent-ddl@1 "CREATE SCHEMA has no IF NOT EXISTS"
CREATE SEQUENCE billing.invoice_seq; -- expect: non-idempotent-ddl@1 "CREATE SEQUENCE"
CREATE EXTENSION pgcrypto; -- expect: non-idempotent-ddl@1 "CREATE EXTENSION"
CREATE MATERIALIZED VIEW account_stats AS SELECT count(*) FROM accounts; -- expect: non-idempotent-ddl@1 "CREATE MATERIALIZED VIEW"
-- expect-next: non-idempotent-ddl@19 "ADD COLUMN `nickname` to `users`", non-idempotent-ddl@45 "DROP COLUMN `legacy`", non-idempotent-ddl@65 "DROP CONSTRAINT `users_legacy_check`"
ALTER TABLE users ADD COLUMN nickname text, DROP COLUMN legacy, DROP CONSTRAINT users_legacy_check,
  ADD COLUMN IF NOT EXISTS bio text, DROP COLUMN IF EXISTS old, ADD CONSTRAINT c CHECK (id > 0);
ALTER TABLE users DROP legacy2; -- expect: non-idempotent-ddl@19 "DROP COLUMN `legacy2`"
DROP INDEX CONCURRENTLY users_old_idx; -- expect: non-idempotent-ddl@1 "DROP INDEX CONCURRENTLY `users_old_idx` has no IF EXISTS"
DROP TABLE old_sessions, accounts; -- expect: non-idempotent-ddl@1 "DROP TABLE `old_sessions`"
DROP VIEW user_view; -- expect: non-idempotent-ddl@1 "DROP VIEW"
DROP MATERIALIZED VIEW stats_mv; -- expect: non-idempotent-ddl@1 "DROP MATERIALIZED VIEW `stats_mv`"
DROP TRIGGER users_audit ON users; -- expect: non-idempotent-ddl@1 "DROP TRIGGER `users_audit` on `users`"
-- An object created earlier in the file still needs the guard when it is changed.
CREATE TABLE IF NOT EXISTS counters (id int);
ALTER TABLE counters ADD COLUMN n int; -- expect: non-idempotent-ddl@22 "`counters`"
-- Statements after a COMMIT run outside the block.
BEGIN;
CREATE TABLE inside_block (id int);
COMMIT;
CREATE TABLE after_block (id int); -- expect: non-idempotent-ddl@1
VACUUM users;
