-- +goose Up
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE INDEX accounts_email_idx ON accounts (email);

-- +goose Down
DROP INDEX accounts_email_idx;
DROP TABLE accounts;
