-- Near misses: a statement trigger, a dropped trigger, a trigger on another table, given
-- rows, INSERT ... VALUES, and a down section.
CREATE TRIGGER users_stmt AFTER UPDATE ON users FOR EACH STATEMENT EXECUTE FUNCTION refresh_stats();
UPDATE users SET plan = 'free' WHERE plan IS NULL;
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_orders();
DROP TRIGGER orders_audit ON orders;
UPDATE orders SET status = 'archived' WHERE created_at < '2020-01-01';
CREATE TRIGGER carts_audit AFTER UPDATE ON carts FOR EACH ROW EXECUTE FUNCTION audit_carts();
UPDATE sessions SET expired = true WHERE expires_at < now();
UPDATE carts SET total = 0 WHERE id = 7;
INSERT INTO carts (id, total) VALUES (8, 0);
