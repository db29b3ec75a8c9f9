-- Clauses MySQL 8.4 honours: nothing to report.
ALTER TABLE orders ADD INDEX orders_customer_idx (customer_id), ALGORITHM=INPLACE, LOCK=NONE;
CREATE INDEX orders_placed_idx ON orders (placed_at) ALGORITHM=INPLACE LOCK=NONE;
ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INSTANT;
ALTER TABLE orders ADD COLUMN flag TINYINT FIRST, ALGORITHM=INSTANT, LOCK=DEFAULT;
ALTER TABLE orders ADD COLUMN kind INT, ALGORITHM=DEFAULT, LOCK=DEFAULT;
-- LOCK=SHARED is what the first FULLTEXT index needs.
CREATE FULLTEXT INDEX orders_note_ft ON orders (note) ALGORITHM=INPLACE LOCK=SHARED;
-- Asking for a stronger lock than needed, or for a copy, is always possible.
ALTER TABLE orders ADD INDEX orders_kind_idx (kind), LOCK=EXCLUSIVE;
ALTER TABLE orders MODIFY status VARCHAR(32) NOT NULL, ALGORITHM=COPY;
-- No clause: the server picks what works (other rules judge the cost).
ALTER TABLE orders MODIFY total BIGINT NOT NULL;
ALTER TABLE orders DROP PRIMARY KEY;
