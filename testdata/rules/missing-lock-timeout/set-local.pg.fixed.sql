-- SET LOCAL counts only inside a transaction, and only until it ends.
SET LOCAL lock_timeout = '2s';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN a text; -- expect: missing-lock-timeout@1 "no lock_timeout set"

BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN b text;
COMMIT;
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN c text; -- expect: missing-lock-timeout@1

-- A session value comes back after the transaction of a longer SET LOCAL.
SET lock_timeout = '1s';
BEGIN;
SET LOCAL lock_timeout = '30s';
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN d text; -- expect: missing-lock-timeout@1 "30s"
COMMIT;
ALTER TABLE users ADD COLUMN e text;
