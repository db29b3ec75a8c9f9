-- Either clause is enough; DROP INDEX and CREATE INDEX are not ALTER TABLE.
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT;
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at), LOCK=NONE;
ALTER TABLE orders ALGORITHM=DEFAULT, DROP COLUMN legacy;
DROP INDEX orders_old_idx ON orders;
CREATE INDEX orders_total_idx ON orders (total);
-- A table created earlier in the migration holds no rows yet.
CREATE TABLE invoices (id BIGINT PRIMARY KEY, total INT NOT NULL);
ALTER TABLE invoices ADD COLUMN note TEXT;
-- A temporary copy made with LIKE is this session's own table, new in this file.
CREATE TEMPORARY TABLE tmp_orders LIKE orders;
ALTER TABLE tmp_orders ADD COLUMN q INT;
