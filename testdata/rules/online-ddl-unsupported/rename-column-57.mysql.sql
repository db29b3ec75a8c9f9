-- ddlint-test: mysql_version=5.7
-- RENAME COLUMN is syntax of MySQL 8.0 (MariaDB 10.5.2): 5.7 refuses it;
-- CHANGE renames there.
ALTER TABLE users RENAME COLUMN login TO username; -- expect: online-ddl-unsupported@19 "RENAME COLUMN is a syntax error before MySQL 8.0 on MySQL 5.7"
ALTER TABLE users CHANGE COLUMN login username VARCHAR(50) NOT NULL;
