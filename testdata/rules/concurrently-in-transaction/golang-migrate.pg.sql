-- ddlint-test: runner=golang-migrate
-- golang-migrate sends the whole file as one query string: with more than
-- one statement PostgreSQL runs them in one implicit transaction.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "implicit transaction"
CREATE INDEX CONCURRENTLY users_name_idx ON users (name); -- expect: concurrently-in-transaction@1
