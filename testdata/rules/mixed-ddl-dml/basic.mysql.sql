-- MySQL: an in-place or instant ALTER still waits for an exclusive metadata lock, and a
-- data change after it cannot be retried or batched on its own. Reported once per migration.
ALTER TABLE orders ADD COLUMN total_cents BIGINT NULL, ALGORITHM=INSTANT;
-- expect-next: mixed-ddl-dml@1 "which takes an exclusive metadata lock on `orders`"
UPDATE orders SET total_cents = total * 100 WHERE total_cents IS NULL;
ALTER TABLE orders MODIFY COLUMN total_cents BIGINT NOT NULL;
DELETE FROM sessions WHERE created_at < '2020-01-01';
