-- goose already wraps this migration in a transaction.
-- +goose Up
BEGIN; -- expect: transaction-nesting@1 "migration runner opens"
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
