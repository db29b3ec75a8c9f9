-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB allows LOCK=NONE with INSTANT and builds an index without a rebuild (NOCOPY).
ALTER TABLE orders ADD COLUMN flag TINYINT FIRST, ALGORITHM=INSTANT, LOCK=NONE; -- expect: alter-without-online-options@1 "(ddlint expects ALGORITHM=INSTANT, LOCK=NONE on MariaDB 10.11)"
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at), ALGORITHM=NOCOPY, LOCK=NONE; -- expect: alter-without-online-options@1 "(ddlint expects ALGORITHM=NOCOPY, LOCK=NONE on MariaDB 10.11)"
