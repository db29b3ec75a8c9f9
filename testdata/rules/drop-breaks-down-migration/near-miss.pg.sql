-- Near misses: the down migration restores what the up migration drops,
-- re-creating the whole table covers its columns, and a table created in the
-- same up migration is not an existing one.
-- +goose Up
ALTER TABLE users DROP COLUMN legacy_login;
ALTER TABLE accounts DROP COLUMN flags;
DROP TABLE old_sessions;
CREATE TABLE tmp_import (id bigint);
DROP TABLE tmp_import;

-- +goose Down
CREATE TABLE old_sessions (id bigint PRIMARY KEY, token text);
ALTER TABLE users ADD COLUMN legacy_login text;
CREATE TABLE accounts (id bigint PRIMARY KEY, flags int);
