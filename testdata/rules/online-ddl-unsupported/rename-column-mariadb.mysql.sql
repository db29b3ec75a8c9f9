-- ddlint-test: mysql_version=mariadb-10.6
-- MariaDB 10.5.2 and later accept RENAME COLUMN.
ALTER TABLE users RENAME COLUMN login TO username;
