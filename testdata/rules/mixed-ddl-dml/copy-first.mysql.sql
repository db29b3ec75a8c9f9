-- MySQL: a data change first, then an ALTER that copies the table.
INSERT INTO archived_orders SELECT * FROM orders WHERE created_at < '2020-01-01';
-- expect-next: mixed-ddl-dml@1 "`ALTER TABLE orders MODIFY COLUMN note TEXT NULL`, which blocks writes on `orders`"
ALTER TABLE orders MODIFY COLUMN note TEXT NULL;
