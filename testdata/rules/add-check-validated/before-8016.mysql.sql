-- ddlint-test: mysql_version=8.0.15
-- Before 8.0.16 MySQL parses CHECK and ignores it: nothing is checked.
ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0);
