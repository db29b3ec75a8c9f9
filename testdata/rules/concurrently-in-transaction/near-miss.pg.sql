-- Clean: the same statements outside any transaction block, and statements
-- that may run inside one.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
DROP INDEX CONCURRENTLY users_old_idx;
REINDEX INDEX CONCURRENTLY users_email_idx;
VACUUM users;

BEGIN;
CREATE INDEX users_name_idx ON users (name);
DROP INDEX users_name_old_idx;
REINDEX INDEX users_email_idx;
ANALYZE users;
CLUSTER users USING users_pkey;
ALTER TABLE measurements DETACH PARTITION measurements_2019;
COMMIT;

-- After COMMIT (and after ROLLBACK) the file is back in autocommit.
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
ROLLBACK;
VACUUM (ANALYZE) users;
