-- Statements after an ACCESS EXCLUSIVE lock in the same BEGIN block.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;
SET LOCAL statement_timeout = '1min';
UPDATE users SET nickname = name WHERE id < 10000; -- expect: lock-held-across-statements@1 "`users` (taken by `ALTER TABLE users ADD COLUMN nickname text`)"
ALTER TABLE users ADD COLUMN bio text;
CREATE INDEX users_nickname_idx ON users (nickname);
COMMIT;

-- A second table is reported at the first statement after its own lock.
BEGIN;
DROP INDEX orders_old_idx;
TRUNCATE audit_events; -- expect: lock-held-across-statements@1 "the table of index `orders_old_idx`"
ALTER TABLE payments ALTER COLUMN amount SET NOT NULL; -- expect: lock-held-across-statements@1 "`audit_events`"
ANALYZE payments; -- expect: lock-held-across-statements@1 "through this statement"
COMMIT;

-- The count of statements still to come.
START TRANSACTION;
LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE;
SAVEPOINT s;
UPDATE accounts SET flag = true WHERE id = 1; -- expect: lock-held-across-statements@1 "and the 2 after it"
UPDATE accounts SET flag = false WHERE id = 2;
RELEASE SAVEPOINT s;
DELETE FROM accounts WHERE id = 3;
END;

-- CREATE TABLE ... AS reads other tables; a new FK locks the referenced table.
BEGIN;
ALTER TABLE users ADD COLUMN team_id bigint;
CREATE TABLE user_teams AS SELECT id, team_id FROM users; -- expect: lock-held-across-statements@1 "`users`"
COMMIT;
BEGIN;
ALTER TABLE users ADD COLUMN org_id bigint;
CREATE TABLE memberships (user_id bigint REFERENCES accounts (id)); -- expect: lock-held-across-statements@1
COMMIT;

-- Dropped in another transaction: the lock was held across statements.
BEGIN;
DROP INDEX carts_user_idx;
DROP INDEX wishlists_user_idx; -- expect: lock-held-across-statements@1 "the table of index `carts_user_idx`"
COMMIT;
DROP TABLE carts;
