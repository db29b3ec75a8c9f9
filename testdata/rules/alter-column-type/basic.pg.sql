-- Changes that rewrite whatever the old type was.
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: alter-column-type@20 "to `int8`"
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz, ALTER COLUMN note TYPE text; -- expect: alter-column-type@20 "`placed_at`"
-- USING recomputes every value.
ALTER TABLE orders ALTER COLUMN note TYPE text USING trim(note); -- expect: alter-column-type@20 "with USING"

-- Known old types (added earlier in this file): shrinking rewrites.
ALTER TABLE users ADD COLUMN nickname varchar(50), ADD COLUMN score numeric(8,2);
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(20); -- expect: alter-column-type@19 "from `varchar(50)` to `varchar(20)`"
ALTER TABLE users ALTER COLUMN score TYPE numeric(10,3); -- expect: alter-column-type@19 "from `numeric(8,2)`"
