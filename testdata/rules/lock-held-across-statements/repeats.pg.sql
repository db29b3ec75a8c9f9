-- Runs of statements alike (on the same tables, locking them the same way):
-- each statement of a run counts after a report, whether the run follows
-- the report or the report is in it.
BEGIN;
ALTER TABLE orders ALTER COLUMN a TYPE bigint;
ALTER TABLE orders ALTER COLUMN b TYPE bigint; -- expect: lock-held-across-statements@1 "ACCESS EXCLUSIVE on `orders` (taken by `ALTER TABLE orders ALTER COLUMN a TYPE bigint`): reads and writes on `orders` stay blocked until COMMIT, through this statement and the 7 after it"
ALTER TABLE orders ALTER COLUMN c TYPE bigint;
ALTER TABLE orders ALTER COLUMN d TYPE bigint;
ALTER TABLE users ADD COLUMN a int;
ALTER TABLE users ADD COLUMN b int;
ALTER TABLE users ADD COLUMN c int;
ALTER TABLE users ADD COLUMN d int;
UPDATE orders SET a = 1 WHERE id = 1; -- expect: lock-held-across-statements@1 "ACCESS EXCLUSIVE on `users` (taken by `ALTER TABLE users ADD COLUMN a int`): reads and writes on `users` stay blocked until COMMIT, through this statement"
COMMIT;
