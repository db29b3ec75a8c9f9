-- The down migration may name a table by the name a later rename in the up
-- migration gives it, undoing the change before or after renaming it back; a
-- change undone on another table is still reported.
-- +goose Up
ALTER TABLE a ADD COLUMN c int;
ALTER TABLE a RENAME TO b;
ALTER TABLE x ADD COLUMN c int;
ALTER TABLE x RENAME TO y;
ALTER TABLE p ADD COLUMN c int; -- expect: down-migration-incomplete@15 "adds column `c` to `p`"
ALTER TABLE p RENAME TO q;

-- +goose Down
ALTER TABLE b DROP COLUMN c;
ALTER TABLE b RENAME TO a;
ALTER TABLE y RENAME TO x;
ALTER TABLE x DROP COLUMN c;
ALTER TABLE q RENAME TO p;
ALTER TABLE r DROP COLUMN c;
