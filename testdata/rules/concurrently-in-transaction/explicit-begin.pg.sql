-- Statements PostgreSQL refuses inside BEGIN ... COMMIT.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

BEGIN;
CREATE INDEX CONCURRENTLY users_name_idx ON users (name); -- expect: concurrently-in-transaction@1 "CREATE INDEX CONCURRENTLY"
DROP INDEX CONCURRENTLY users_old_idx; -- expect: concurrently-in-transaction@1 "DROP INDEX CONCURRENTLY"
REINDEX INDEX CONCURRENTLY users_email_idx; -- expect: concurrently-in-transaction@1 "REINDEX CONCURRENTLY"
REINDEX SCHEMA public; -- expect: concurrently-in-transaction@1
VACUUM users; -- expect: concurrently-in-transaction@1 "VACUUM"
VACUUM FULL ANALYZE orders; -- expect: concurrently-in-transaction@1
CLUSTER; -- expect: concurrently-in-transaction@1
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY; -- expect: concurrently-in-transaction@1 "DETACH PARTITION"
CREATE DATABASE reporting; -- expect: concurrently-in-transaction@1
DROP DATABASE reporting; -- expect: concurrently-in-transaction@1 "DROP DATABASE"
CREATE TABLESPACE fast_disk LOCATION '/mnt/fast'; -- expect: concurrently-in-transaction@1
DROP TABLESPACE fast_disk; -- expect: concurrently-in-transaction@1
ALTER SYSTEM SET work_mem = '64MB'; -- expect: concurrently-in-transaction@1
COMMIT;

-- START TRANSACTION opens a block too; the finding starts at the statement.
START TRANSACTION;
-- expect-next: concurrently-in-transaction@1
CREATE UNIQUE INDEX CONCURRENTLY
  orders_ref_idx ON orders (ref);
ROLLBACK;
