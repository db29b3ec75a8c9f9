-- ddlint-test: assume_in_transaction=true
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE users ADD COLUMN nickname text;
DROP TABLE old_sessions;
