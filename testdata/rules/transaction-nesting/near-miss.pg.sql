-- Clean: transactions the file opens and closes itself, savepoints, END and
-- ABORT, and a chain that is ended.
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
SAVEPOINT before_index;
CREATE INDEX users_nickname_idx ON users (nickname);
RELEASE SAVEPOINT before_index;
COMMIT;

START TRANSACTION;
ALTER TABLE users ADD COLUMN bio text;
END;

BEGIN;
ALTER TABLE users ADD COLUMN age int;
ABORT;

BEGIN;
ALTER TABLE users ADD COLUMN x int;
COMMIT AND CHAIN;
ALTER TABLE users ADD COLUMN y int;
COMMIT;
COMMIT;
