-- ddlint-test: runner=dbmate
-- The runner runs each section in a transaction of its own. A table that a
-- later statement of the same transaction drops joins none of the locks held,
-- whatever runs in between; the count of the statements after a report
-- stops at the transaction's end, and the down migration's transaction holds
-- its own locks.
-- migrate:up
ALTER TABLE sessions ADD COLUMN token text;
ALTER TABLE accounts ADD COLUMN flag boolean;
UPDATE accounts SET flag = true WHERE id = 1; -- expect: lock-held-across-statements@1 "ACCESS EXCLUSIVE on `accounts` (taken by `ALTER TABLE accounts ADD COLUMN flag boolean`): reads and writes on `accounts` stay blocked until COMMIT, through this statement and the 2 after it"
UPDATE sessions SET token = 'x';
DROP TABLE sessions;
-- migrate:down
ALTER TABLE accounts DROP COLUMN flag;
DELETE FROM accounts WHERE id = 1; -- expect: lock-held-across-statements@1 "ACCESS EXCLUSIVE on `accounts` (taken by `ALTER TABLE accounts DROP COLUMN flag`): reads and writes on `accounts` stay blocked until COMMIT, through this statement"
