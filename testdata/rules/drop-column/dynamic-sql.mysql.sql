-- ddlint-test: runner=goose
-- +goose Up
-- A statement read from a literal is in the section of the literal, not of
-- the EXECUTE that runs it: the down section's EXECUTE ends the up run
-- before the rename it runs (written in the up section).
ALTER TABLE t DROP COLUMN a; -- expect: drop-column@15 "dropping column `a` of `t` destroys its data for good"
SET @s = 'ALTER TABLE t RENAME COLUMN a2 TO a';
-- +goose Down
PREPARE st FROM @s;
EXECUTE st;
