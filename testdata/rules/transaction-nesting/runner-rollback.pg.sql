-- ddlint-test: assume_in_transaction=true
ALTER TABLE users ADD COLUMN nickname text;
ROLLBACK AND CHAIN; -- expect: transaction-nesting@1 "undoes everything"
ALTER TABLE users ADD COLUMN bio text;
