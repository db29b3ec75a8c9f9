-- Changes of columns whose old type is unknown: a rewrite unless the column
-- already has a type the change needs none from (conditional findings).
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: alter-column-type@20 "to `bigint` rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock unless `id` already is `bigint`; ddlint does not know its current type"
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz, ALTER COLUMN note TYPE text; -- expect: alter-column-type@20 "`placed_at`", alter-column-type@61 "unless `note` already is `text` or `varchar`"
-- USING recomputes every value.
ALTER TABLE orders ALTER COLUMN note TYPE text USING trim(note); -- expect: alter-column-type@20 "with USING"

-- Known old types (added earlier in this file): shrinking rewrites.
ALTER TABLE users ADD COLUMN nickname varchar(50), ADD COLUMN score numeric(8,2);
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(20); -- expect: alter-column-type@19 "from `varchar(50)` to `varchar(20)`"
ALTER TABLE users ALTER COLUMN score TYPE numeric(10,3); -- expect: alter-column-type@19 "from `numeric(8,2)`"
