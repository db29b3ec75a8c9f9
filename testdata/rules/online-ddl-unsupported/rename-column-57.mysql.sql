-- ddlint-test: mysql_version=5.7
-- RENAME COLUMN is syntax of MySQL 8.0 (MariaDB 10.5.2): 5.7 refuses it;
-- CHANGE renames there.
ALTER TABLE users RENAME COLUMN login TO username; -- expect: online-ddl-unsupported@19 "RENAME COLUMN is syntax of MySQL 8.0 and later: MySQL 5.7 rejects the statement as a syntax error, so the migration stops here"
ALTER TABLE users CHANGE COLUMN login username VARCHAR(50) NOT NULL;
