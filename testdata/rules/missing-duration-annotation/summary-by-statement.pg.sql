-- What each statement costs is summed up in order: the index this file
-- builds is judged by its table when it is rebuilt, the table it creates and
-- the down migration are left out, and the finding is at the first statement
-- that costs anything on an existing table.
-- migrate:up
SET lock_timeout = '2s';
-- expect-next: missing-duration-annotation@1 "this migration scans `users`, blocks `orders` but"
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
REINDEX INDEX users_email_idx;
CREATE TABLE coupons (id bigint PRIMARY KEY);
ALTER TABLE coupons ADD COLUMN code text;
ALTER TABLE orders ADD COLUMN note text;

-- migrate:down
ALTER TABLE users ALTER COLUMN email TYPE varchar(320);
DROP INDEX users_email_idx;
