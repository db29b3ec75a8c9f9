-- Several ADD VALUE in a row: each is reported at the first later statement
-- of its transaction that uses its value; a use in a later transaction, or
-- a type created in an earlier transaction, does not count.
BEGIN;
ALTER TYPE state ADD VALUE 'a'; -- expect: enum-add-value-in-transaction@1 "adds 'a' to enum `state` inside the BEGIN ... COMMIT block of this file, and `UPDATE t SET s = 'a' WHERE id = 2`"
ALTER TYPE state ADD VALUE 'b'; -- expect: enum-add-value-in-transaction@1 "adds 'b' to enum `state` inside the BEGIN ... COMMIT block of this file, and `UPDATE t SET s = 'b' WHERE id = 1`"
ALTER TYPE other_state ADD VALUE 'a'; -- expect: enum-add-value-in-transaction@1 "adds 'a' to enum `other_state` inside the BEGIN ... COMMIT block of this file, and `UPDATE t SET s = 'a' WHERE id = 2`"
ALTER TYPE state ADD VALUE 'c';
UPDATE t SET s = 'b' WHERE id = 1;
ALTER TYPE state ADD VALUE 'd';
UPDATE t SET s = 'a' WHERE id = 2;
COMMIT;
BEGIN;
ALTER TYPE state ADD VALUE 'e';
COMMIT;
BEGIN;
ALTER TYPE state ADD VALUE 'f';
ALTER TYPE state ADD VALUE 'g';
UPDATE t SET s = 'e' WHERE id = 3;
COMMIT;
BEGIN;
CREATE TYPE public.fresh AS ENUM ('x');
COMMIT;
BEGIN;
ALTER TYPE fresh ADD VALUE 'y'; -- expect: enum-add-value-in-transaction@1 "adds 'y' to enum `fresh` inside the BEGIN ... COMMIT block of this file, and `UPDATE t SET s = 'y' WHERE id = 4`"
UPDATE t SET s = 'y' WHERE id = 4;
CREATE TYPE newer AS ENUM ('x');
ALTER TYPE public.newer ADD VALUE 'z';
UPDATE t SET s = 'z' WHERE id = 5;
COMMIT;
