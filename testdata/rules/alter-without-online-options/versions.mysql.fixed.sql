-- ddlint-test: mysql_version=5.7
-- MySQL 5.7 has no INSTANT: ADD COLUMN rebuilds the table in place.
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INPLACE, LOCK=NONE; -- expect: alter-without-online-options@1 "(ddlint expects ALGORITHM=INPLACE, LOCK=NONE on MySQL 5.7)"
