-- ddlint-test: assume_in_transaction=true
-- Clean: inside the runner's transaction SET LOCAL counts.
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX users_nickname_idx ON users (nickname);
