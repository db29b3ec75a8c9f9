-- Near misses (MySQL): a trigger dropped by name (MySQL does not name the table), a trigger
-- on another table, and a given row.
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW INSERT INTO orders_audit (order_id) VALUES (NEW.id);
DROP TRIGGER IF EXISTS orders_audit;
UPDATE orders SET status = 'archived' WHERE created_at < '2020-01-01';
CREATE TRIGGER carts_audit AFTER UPDATE ON carts FOR EACH ROW SET @n = 1;
UPDATE sessions SET expired = 1 WHERE expires_at < NOW();
UPDATE carts SET total = 0 WHERE id = 7;
