-- ddlint-test: assume_in_transaction=true
-- A BEGIN with no COMMIT inside the runner's transaction is only ignored.
BEGIN; -- expect: transaction-nesting@1 "the runner's transaction is the only one"
ALTER TABLE users ADD COLUMN age int;
