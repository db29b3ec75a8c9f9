-- ddlint-test: mysql_version=mariadb-11.4
-- MariaDB 11.2+ copies online: the copy still rewrites the whole table, but writes go on.
ALTER TABLE orders DROP PRIMARY KEY; -- expect: alter-requires-table-copy@20 "DROP PRIMARY KEY needs a copy of `orders` on MariaDB 11.4 (ALGORITHM=COPY): every row is copied into a new table and every index rebuilt, which takes as long as the table is large (the server accepts writes meanwhile)"
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4; -- expect: alter-requires-table-copy@20 "on MariaDB 11.4"
ALTER TABLE orders ADD COLUMN note VARCHAR(200) FIRST;
