-- ddlint-test: runner=golang-migrate
-- One query string of several statements runs as one implicit transaction.
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE INDEX accounts_email_idx ON accounts (email);
