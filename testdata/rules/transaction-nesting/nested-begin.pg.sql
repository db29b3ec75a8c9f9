-- A BEGIN inside an open BEGIN block, and a block that is never closed.
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
START TRANSACTION; -- expect: transaction-nesting@1 "already open"
ALTER TABLE users ADD COLUMN bio text;
COMMIT;

BEGIN; -- expect: transaction-nesting@1 "never commits"
UPDATE users SET bio = '' WHERE bio IS NULL AND id < 100;
SAVEPOINT half;
ROLLBACK TO SAVEPOINT half;
RELEASE SAVEPOINT half;
