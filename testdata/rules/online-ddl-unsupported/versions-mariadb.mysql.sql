-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB reads ALGORITHM=X as "X or better", has NOCOPY, and allows
-- LOCK=NONE with INSTANT.
ALTER TABLE orders ADD COLUMN flag TINYINT FIRST, ALGORITHM=INSTANT, LOCK=NONE;
ALTER TABLE orders ADD INDEX orders_kind_idx (kind), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INPLACE;
-- A table copy before MariaDB 11.2 blocks writes: LOCK=NONE is refused.
ALTER TABLE orders MODIFY id BIGINT UNSIGNED NOT NULL, LOCK=NONE; -- expect: online-ddl-unsupported@56 "LOCK=NONE is not supported for MODIFY COLUMN (type change) on MariaDB 10.11 unless `id` is already `BIGINT UNSIGNED`"
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at), ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@61 "on MariaDB 10.11"
