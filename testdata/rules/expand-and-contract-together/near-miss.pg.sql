-- Near misses: expand and backfill without contract; a contract on another
-- table; a drop with no backfill in between; a table created here; a
-- rename of a table the migration does not replace.
ALTER TABLE users ADD COLUMN full_name text;
UPDATE users SET full_name = first_name WHERE id < 10000;
ALTER TABLE profiles DROP COLUMN legacy_bio;

ALTER TABLE orders DROP COLUMN legacy_flag;
ALTER TABLE orders ADD COLUMN note text;
UPDATE orders SET note = '' WHERE id < 100;

CREATE TABLE imports (id bigint, raw text, parsed text);
UPDATE imports SET parsed = raw WHERE id < 10;
ALTER TABLE imports DROP COLUMN raw;

ALTER TABLE sessions RENAME TO sessions_archive;
CREATE TABLE audit (id bigint);
