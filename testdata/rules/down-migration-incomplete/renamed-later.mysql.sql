-- The down migration may name a table by the name a later rename in the up
-- migration gives it. Dropping the new name of a renamed table does not
-- bring back the old one: the rename is still reported.
-- +goose Up
ALTER TABLE a ADD COLUMN c int;
ALTER TABLE a RENAME TO b;
ALTER TABLE m RENAME TO n; -- expect: down-migration-incomplete@15 "renames `m` to `n`"

-- +goose Down
ALTER TABLE b DROP COLUMN c;
ALTER TABLE b RENAME TO a;
DROP TABLE n;
