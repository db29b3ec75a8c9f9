-- ddlint-test: mysql_version=5.7
-- MySQL 5.7 has no instant ADD COLUMN (8.0.12+) and no ALGORITHM=INSTANT at all.
ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@42 "ALGORITHM=INSTANT is not supported for ADD COLUMN on MySQL 5.7"
ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INPLACE, LOCK=NONE;
