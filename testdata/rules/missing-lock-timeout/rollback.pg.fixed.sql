-- A SET made in a transaction that rolls back is undone with it.
BEGIN;
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN a text;
ROLLBACK;
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN b text; -- expect: missing-lock-timeout@1 "no lock_timeout set"

-- A COMMIT keeps it.
BEGIN;
SET lock_timeout = '2s';
COMMIT;
ALTER TABLE users ADD COLUMN c text;

-- A session value from before the transaction comes back.
BEGIN;
SET lock_timeout = '1h';
ABORT;
ALTER TABLE users ADD COLUMN d text;
