-- ddlint-test: runner=goose
-- The runner runs the up and the down migration each in a transaction of
-- its own: a value added in one is not used by a statement of the other.
-- +goose Up
ALTER TYPE state ADD VALUE 'a';
-- +goose Down
ALTER TYPE state ADD VALUE 'b'; -- expect: enum-add-value-in-transaction@1 "adds 'b' to enum `state` inside the transaction"
UPDATE t SET s = 'a' WHERE id = 1;
UPDATE t SET s = 'b' WHERE id = 2;
