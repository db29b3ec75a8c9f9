-- ddlint-test: mysql_version=5.7
-- A statement MySQL 5.7 refuses outright (RENAME COLUMN is 8.0 syntax) takes
-- no lock and no ALGORITHM=/LOCK= makes it run: online-ddl-unsupported
-- reports it, this rule does not.
ALTER TABLE users RENAME COLUMN login TO username;
ALTER TABLE users RENAME COLUMN login TO username, ADD COLUMN note VARCHAR(20);
-- The CHANGE form 5.7 accepts is checked.
ALTER TABLE users CHANGE COLUMN login username VARCHAR(50) NOT NULL; -- expect: alter-without-online-options@1 "(on MySQL 5.7 it copies the table unless"
