-- What each statement costs is summed up in order: the index this file
-- builds is judged by its table when it is rebuilt, the table it creates and
-- the down migration are left out, the finding is at the first statement that
-- blocks, and the header goes before the first statement (the SET).
-- migrate:up
-- Locks: users table (write lock), orders table (exclusive lock)
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
-- expect-next: missing-lock-annotation@1 "declare them: `users` (blocks writes), `orders` (blocks reads and writes)"
REINDEX INDEX users_email_idx;
CREATE TABLE coupons (id bigint PRIMARY KEY);
ALTER TABLE coupons ADD COLUMN code text;
ALTER TABLE orders ADD COLUMN note text;

-- migrate:down
ALTER TABLE users ALTER COLUMN email TYPE varchar(320);
DROP INDEX users_email_idx;
