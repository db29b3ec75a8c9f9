-- ddlint-test: mysql_version=8.0.28
-- MySQL 8.0.12 to 8.0.28 add a column instantly only as the last column.
ALTER TABLE orders ADD COLUMN flag TINYINT FIRST, ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@51 "ALGORITHM=INSTANT is not supported for ADD COLUMN on MySQL 8.0.28"
ALTER TABLE orders ADD COLUMN flag2 TINYINT AFTER id, ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@55
ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INSTANT;
-- Instant DROP COLUMN comes with 8.0.29.
ALTER TABLE orders DROP COLUMN legacy, ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@40 "DROP COLUMN"
