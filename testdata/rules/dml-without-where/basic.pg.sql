-- UPDATE and DELETE without WHERE on existing tables.
UPDATE users SET newsletter = false; -- expect: dml-without-where@1 "UPDATE of `users` has no WHERE"
DELETE FROM sessions; -- expect: dml-without-where@1 "DELETE from `sessions`"
-- expect-next: dml-without-where@1 "`public.orders`"
UPDATE public.orders o
SET customer_name = c.name
FROM customers c;
DELETE FROM audit_events USING users RETURNING audit_events.id; -- expect: dml-without-where@1
-- expect-next: dml-without-where@1
WITH stale AS (SELECT id FROM carts WHERE updated_at < now() - interval '1 year')
DELETE FROM cart_items;
-- Near a bookkeeping name, but a table of rows: reported.
UPDATE app_versions SET retired = true; -- expect: dml-without-where@1
-- A bookkeeping name set to computed values (a table of versions): reported.
UPDATE "WorkflowVersion" SET checksum = md5(random()::text); -- expect: dml-without-where@1
-- Emptying a bookkeeping table is a DELETE of every row: reported.
DELETE FROM schema_migrations; -- expect: dml-without-where@1
