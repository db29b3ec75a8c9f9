-- ddlint-test: rules=backfill-fires-triggers
-- Past three triggers the message names the first three that fire, in the
-- order they were created, and counts the others; a trigger dropped, or one
-- that does not fire on the statement, is left out.
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TRIGGER orders_stamp BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER orders_sync AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH ROW EXECUTE FUNCTION sync();
CREATE TRIGGER orders_log AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION log_change();
CREATE TRIGGER orders_notify AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION notify();
UPDATE orders SET status = 'archived' WHERE created_at < '2020-01-01'; -- expect: backfill-fires-triggers@1 "which has triggers `orders_audit`, `orders_touch`, `orders_sync` and 2 more: they run"
DROP TRIGGER orders_touch ON orders;
UPDATE orders SET status = 'open' WHERE status IS NULL; -- expect: backfill-fires-triggers@1 "which has triggers `orders_audit`, `orders_sync`, `orders_log` and 1 more: they run"
DELETE FROM orders WHERE created_at < '2015-01-01'; -- expect: backfill-fires-triggers@1 "which has trigger `orders_sync`: it runs"
