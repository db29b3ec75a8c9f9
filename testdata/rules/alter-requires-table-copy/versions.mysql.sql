-- ddlint-test: mysql_version=5.7
-- MySQL 5.7 converts a character set by copying; 8.0 rebuilds in place.
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4; -- expect: alter-requires-table-copy@20 "CONVERT TO CHARACTER SET needs a copy of `orders` on MySQL 5.7"
