-- ddlint-test: assume_in_transaction=true
-- The runner wraps the file in a transaction.
BEGIN; -- expect: transaction-nesting "inside the transaction the migration runner opens"
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
ALTER TABLE users ADD COLUMN bio text;
