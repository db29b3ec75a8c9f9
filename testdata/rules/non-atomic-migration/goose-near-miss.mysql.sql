-- One DDL statement in each goose section.
-- +goose Up
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ADD INDEX orders_note_idx (note);
-- +goose Down
ALTER TABLE orders DROP INDEX orders_note_idx, DROP COLUMN note;
