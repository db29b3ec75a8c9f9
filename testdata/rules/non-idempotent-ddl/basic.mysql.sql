-- ddlint-test: mysql_version=8.4
-- MySQL commits each DDL statement on its own: when the migration fails part-way, re-running
-- it fails on what already ran. MySQL has IF [NOT] EXISTS only for tables, views and databases;
-- ADD COLUMN, DROP COLUMN and indexes have none and are left to non-atomic-migration.
CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(255)) ENGINE=InnoDB; -- expect: non-idempotent-ddl@1 "CREATE TABLE `accounts` has no IF NOT EXISTS in a migration of several statements, and MySQL commits each DDL statement on its own"
CREATE DATABASE billing; -- expect: non-idempotent-ddl@1 "CREATE DATABASE has no IF NOT EXISTS"
ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL, DROP COLUMN legacy;
CREATE INDEX users_nickname_idx ON users (nickname);
DROP INDEX users_old_idx ON users;
DROP TABLE old_sessions; -- expect: non-idempotent-ddl@1 "DROP TABLE `old_sessions` has no IF EXISTS"
DROP VIEW user_view; -- expect: non-idempotent-ddl@1 "DROP VIEW `user_view`"
