-- ddlint-test: mysql_version=mariadb-11.4
-- MariaDB 11.2+ copies a table online: LOCK=NONE is honoured by a COPY.
ALTER TABLE orders MODIFY id BIGINT UNSIGNED NOT NULL, LOCK=NONE;
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at), ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@61 "on MariaDB 11.4"
