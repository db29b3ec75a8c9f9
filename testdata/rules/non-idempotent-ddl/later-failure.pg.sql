-- ddlint-test: rules=syntax-error
-- A later statement that does not parse fails when it runs, too.
-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE accounts (id bigint PRIMARY KEY); -- expect: non-idempotent-ddl@1
ALTER TABLE accounts ADD COLUMN oops tyype(; -- expect: syntax-error@44
