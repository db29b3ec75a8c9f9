-- UPDATE and DELETE without WHERE on existing tables (MySQL).
UPDATE users SET newsletter = 0; -- expect: dml-without-where@1 "UPDATE of `users` has no WHERE"
DELETE FROM sessions; -- expect: dml-without-where@1 "DELETE from `sessions`"
UPDATE `shop`.`orders` o JOIN customers c ON c.id = o.customer_id SET o.customer_name = c.name; -- expect: dml-without-where@1 "`shop.orders`"
DELETE LOW_PRIORITY QUICK FROM audit_events ORDER BY id; -- expect: dml-without-where@1 "`audit_events`"
-- A bookkeeping name set to a computed value: reported.
UPDATE jiveVersion SET version = version + 1; -- expect: dml-without-where@1
