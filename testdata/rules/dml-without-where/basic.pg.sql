-- UPDATE and DELETE without WHERE on existing tables.
UPDATE users SET newsletter = false; -- expect: dml-without-where "UPDATE of `users` has no WHERE"
DELETE FROM sessions; -- expect: dml-without-where "DELETE from `sessions`"
-- expect-next: dml-without-where "`public.orders`"
UPDATE public.orders o
SET customer_name = c.name
FROM customers c;
DELETE FROM audit_events USING users RETURNING audit_events.id; -- expect: dml-without-where
-- expect-next: dml-without-where
WITH stale AS (SELECT id FROM carts WHERE updated_at < now() - interval '1 year')
DELETE FROM cart_items;
