-- A later statement that does not parse fails when it runs, too.
-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE accounts (id bigint PRIMARY KEY); -- expect: non-idempotent-ddl
ALTER TABLE accounts ADD COLUMN oops tyype(;
