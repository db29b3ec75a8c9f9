-- ddlint-test: assume_in_transaction=true
-- The runner wraps the file in a transaction.
BEGIN; -- expect: transaction-nesting@1 "the COMMIT later in the file ends the runner's transaction early"
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
ALTER TABLE users ADD COLUMN bio text;
-- The runner's transaction is over: this BEGIN opens a new one, which the
-- runner's own COMMIT ends.
BEGIN;
ALTER TABLE users ADD COLUMN age int;
