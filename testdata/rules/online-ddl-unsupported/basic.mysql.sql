-- Clauses MySQL 8.4 (the default target) cannot honour: the statement fails.
-- The finding is on the clause the server refuses.
ALTER TABLE orders ADD INDEX orders_customer_idx (customer_id), ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@65 "ALGORITHM=INSTANT is not supported for ADD INDEX on MySQL 8.4: the server refuses"
CREATE INDEX orders_placed_idx ON orders (placed_at) ALGORITHM = INSTANT LOCK = NONE; -- expect: online-ddl-unsupported@54 "ALGORITHM=INSTANT"

-- The first FULLTEXT index runs in place but blocks writes: LOCK=NONE is refused.
CREATE FULLTEXT INDEX orders_note_ft ON orders (note) LOCK=NONE; -- expect: online-ddl-unsupported@55 "LOCK=NONE is not supported for ADD FULLTEXT INDEX (first)"
ALTER TABLE orders ADD FULLTEXT INDEX orders_note_ft (note), ALGORITHM=INPLACE, LOCK=NONE; -- expect: online-ddl-unsupported@81 "LOCK=NONE"

-- MySQL allows only LOCK=DEFAULT with ALGORITHM=INSTANT, and has no NOCOPY.
ALTER TABLE orders ADD COLUMN note2 TEXT, ALGORITHM=INSTANT, LOCK=NONE; -- expect: online-ddl-unsupported@43 "only LOCK=DEFAULT is allowed with ALGORITHM=INSTANT"
ALTER TABLE orders DROP INDEX orders_old_idx, ALGORITHM=NOCOPY; -- expect: online-ddl-unsupported@47 "ALGORITHM=NOCOPY exists only in MariaDB"
DROP INDEX orders_old_idx ON orders ALGORITHM=NOCOPY; -- expect: online-ddl-unsupported@37 "NOCOPY"

-- Operations that need a table copy refuse ALGORITHM=INPLACE.
ALTER TABLE orders DROP PRIMARY KEY, ALGORITHM=INPLACE; -- expect: online-ddl-unsupported@38 "ALGORITHM=INPLACE is not supported for DROP PRIMARY KEY"
ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (total * 100) STORED, ALGORITHM=INPLACE, LOCK=NONE; -- expect: online-ddl-unsupported@75 "ADD COLUMN ... STORED"

-- A table created earlier in the migration: the server refuses the clause all the same.
CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount INT NOT NULL);
ALTER TABLE invoices MODIFY amount BIGINT NOT NULL, ALGORITHM=INPLACE; -- expect: online-ddl-unsupported@53 "ALGORITHM=INPLACE is not supported for MODIFY COLUMN (type change) on MySQL 8.4: the server"
ALTER TABLE invoices ADD INDEX invoices_amount_idx (amount), ALGORITHM=INSTANT; -- expect: online-ddl-unsupported@62

-- The current definition of `orders.status` is unknown: the refusal holds
-- only if the MODIFY changes its type (conditional finding).
ALTER TABLE orders MODIFY status VARCHAR(32) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE; -- expect: online-ddl-unsupported@56 "on MySQL 8.4 unless `status` is already `VARCHAR(32)` (ddlint does not know"
