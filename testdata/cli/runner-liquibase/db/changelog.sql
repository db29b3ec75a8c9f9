--liquibase formatted sql

--changeset alice:1
CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
--rollback DROP TABLE users;

--changeset alice:2
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
--rollback DROP INDEX users_email_idx;

--changeset alice:3 runInTransaction:false
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
--rollback DROP INDEX CONCURRENTLY users_name_idx;

--changeset alice:4
-- The rollback does not add the column back.
ALTER TABLE users DROP COLUMN name;
--rollback DROP INDEX CONCURRENTLY users_name_idx;
