-- ddlint-test: runner=goose
-- +goose Up
-- A statement read from a literal is in the section of the literal, not of
-- the EXECUTE that runs it: the down section's EXECUTE ends the up run
-- before the CREATE it runs (written in the up section).
DROP TABLE t; -- expect: drop-table@12 "dropping table `t` destroys its data for good"
SET @s = 'CREATE TABLE t (id INT)';
-- +goose Down
PREPARE st FROM @s;
EXECUTE st;
