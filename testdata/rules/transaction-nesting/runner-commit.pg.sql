-- ddlint-test: assume_in_transaction=true
-- A COMMIT of the file's own ends the runner's transaction early.
ALTER TABLE users ADD COLUMN nickname text;
COMMIT; -- expect: transaction-nesting@1 "COMMIT inside the transaction the migration runner opens"
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
BEGIN;
ALTER TABLE users ADD COLUMN bio text;
