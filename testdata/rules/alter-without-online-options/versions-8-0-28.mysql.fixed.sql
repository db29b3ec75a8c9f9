-- ddlint-test: mysql_version=8.0.28
-- MySQL 8.0.28 adds a column instantly only as the last one.
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT; -- expect: alter-without-online-options@1 "(ddlint expects ALGORITHM=INSTANT on MySQL 8.0.28)"
ALTER TABLE orders ADD COLUMN flag TINYINT FIRST, ALGORITHM=INPLACE, LOCK=NONE; -- expect: alter-without-online-options@1 "(ddlint expects ALGORITHM=INPLACE, LOCK=NONE on MySQL 8.0.28)"
