-- Each change waits for the rest of the up migration. An ALTER SEQUENCE
-- ... OWNED BY later makes a sequence go with its owner, named by every name
-- the owner has from the sequence's CREATE on (a rename before the ALTER
-- counts); the last OWNED BY wins. The down migration's own statements
-- rename nothing in the up migration.
-- +goose Up
CREATE SEQUENCE a_ref_seq;
ALTER TABLE a RENAME TO b; -- expect: down-migration-incomplete@1 "renames `a` to `b`"
ALTER SEQUENCE a_ref_seq OWNED BY a.ref;
CREATE SEQUENCE k_seq OWNED BY c.id; -- expect: down-migration-incomplete@1 "creates `k_seq`"
ALTER SEQUENCE k_seq OWNED BY d.id;
ALTER TABLE e ADD COLUMN x int; -- expect: down-migration-incomplete@15 "adds column `x` to `e`"

-- +goose Down
DROP TABLE b;
DROP TABLE c;
ALTER TABLE e RENAME TO f;
ALTER TABLE f DROP COLUMN x;
