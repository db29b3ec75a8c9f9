-- goose runs the up and down sections separately: each is a migration.
-- +goose Up
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT;
ALTER TABLE orders ADD INDEX orders_note_idx (note), ALGORITHM=INPLACE, LOCK=NONE; -- expect: non-atomic-migration@1 "runs 2 DDL statements"
-- +goose Down
ALTER TABLE orders DROP INDEX orders_note_idx;
ALTER TABLE orders DROP COLUMN note; -- expect: non-atomic-migration@1 "runs 2 DDL statements"
