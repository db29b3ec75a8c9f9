-- ddlint-test: assume_in_transaction=true
-- Clean: the runner's transaction alone; SAVEPOINTs do not end it.
ALTER TABLE users ADD COLUMN nickname text;
SAVEPOINT s;
ALTER TABLE users ADD COLUMN bio text;
ROLLBACK TO SAVEPOINT s;
RELEASE SAVEPOINT s;
