-- Row triggers created earlier in the migration fire for every row of a backfill.
CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit_users();
CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION touch();
UPDATE users SET plan = 'free' WHERE plan IS NULL; -- expect: backfill-fires-triggers@1 "this UPDATE writes `users`, which has triggers `users_audit`, `users_touch`: they run for every row"
CREATE TRIGGER orders_audit AFTER DELETE ON orders FOR EACH ROW EXECUTE FUNCTION audit_orders();
DELETE FROM orders WHERE created_at < '2020-01-01'; -- expect: backfill-fires-triggers@1 "this DELETE removes rows of `orders`, which has trigger `orders_audit`: it runs"
CREATE TRIGGER archive_audit AFTER INSERT ON archive FOR EACH ROW EXECUTE FUNCTION audit_archive();
INSERT INTO archive SELECT * FROM orders; -- expect: backfill-fires-triggers@1 "INSERT ... SELECT copies rows into `archive`"
