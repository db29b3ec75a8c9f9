-- ddlint-test: assume_in_transaction=true
-- Clean: the file commits the runner's transaction before the concurrent build.
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
