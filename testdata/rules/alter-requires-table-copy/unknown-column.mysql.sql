-- ddlint does not know the current definition of these columns: restating a
-- column with its current type runs in place, so the copy is conditional.
ALTER TABLE orders MODIFY COLUMN total BIGINT NOT NULL; -- expect: alter-requires-table-copy@20 "MODIFY COLUMN (type change) needs a copy of `orders` on MySQL 8.4 (ALGORITHM=COPY) unless `total` is already `BIGINT` (ddlint does not know the current definition): every row"
ALTER TABLE orders CHANGE COLUMN state status VARCHAR(32) NULL; -- expect: alter-requires-table-copy@20 "unless `state` is already `VARCHAR(32)`"
ALTER TABLE orders MODIFY a INT, MODIFY b VARCHAR(10) CHARACTER SET latin1; -- expect: alter-requires-table-copy@20 "unless `a` is already `INT` and `b` is already `VARCHAR(10) CHARACTER SET latin1`"
-- A known type change beside an unknown column: the copy is certain.
ALTER TABLE orders MODIFY a INT, DROP PRIMARY KEY; -- expect: alter-requires-table-copy@34 "DROP PRIMARY KEY needs a copy of `orders` on MySQL 8.4 (ALGORITHM=COPY): every"
