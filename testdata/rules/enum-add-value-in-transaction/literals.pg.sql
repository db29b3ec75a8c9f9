-- A use is the literal anywhere in a later statement's text, quotes
-- doubled: also across two literals, or inside a longer one.
BEGIN;
ALTER TYPE mood ADD VALUE ', '; -- expect: enum-add-value-in-transaction@1 "adds ', ' to enum `mood` inside the BEGIN ... COMMIT block of this file, and `UPDATE people SET mood = 'ok' WHERE name IN (...`"
ALTER TYPE mood ADD VALUE 'it''s';
ALTER TYPE mood ADD VALUE 'x'; -- expect: enum-add-value-in-transaction@1 "adds 'x' to enum `mood` inside the BEGIN ... COMMIT block of this file, and `UPDATE people SET mood = 'ok' WHERE name IN (...`"
ALTER TYPE mood ADD VALUE 'a'', ''b';
ALTER TYPE mood ADD VALUE ''''; -- expect: enum-add-value-in-transaction@1 "adds '''' to enum `mood` inside the BEGIN ... COMMIT block of this file, and `SELECT 'it''''s'`"
UPDATE people SET mood = 'ok' WHERE name IN ('x', 'y');
UPDATE people SET note = 'it''s ''fine''' WHERE id = 1;
SELECT 'it''''s';
COMMIT;
BEGIN;
ALTER TYPE mood ADD VALUE 'y';
COMMIT;
