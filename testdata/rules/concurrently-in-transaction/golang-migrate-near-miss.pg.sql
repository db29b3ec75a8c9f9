-- ddlint-test: runner=golang-migrate
-- Near miss: a file with one statement is a one-statement query string.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
