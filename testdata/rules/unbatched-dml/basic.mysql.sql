-- UPDATE/DELETE on existing tables whose WHERE does not bound them to a batch (MySQL).
UPDATE users SET plan = 'free' WHERE plan IS NULL; -- expect: unbatched-dml@1 "UPDATE of `users` is not bounded to a batch"
DELETE FROM events WHERE created_at < NOW() - INTERVAL 90 DAY; -- expect: unbatched-dml@1 "its WHERE does not limit it to a key range"
DELETE FROM events WHERE kind = 'click'; -- expect: unbatched-dml@1 "rows by `kind`"
UPDATE users SET plan = 'free' WHERE id > 1000; -- expect: unbatched-dml@1 "bounds `id` from below only"
UPDATE orders SET state = 'archived' WHERE state = 'done' OR id < 1000; -- expect: unbatched-dml@1
-- A LIMIT in a subquery bounds nothing.
UPDATE accounts SET owner = (SELECT id FROM owners LIMIT 1) WHERE owner IS NULL; -- expect: unbatched-dml@1
-- The help names a statement LIMIT.
UPDATE `shop`.`carts` SET abandoned = 1 WHERE updated_at < '2024-01-01'; -- expect: unbatched-dml@1 "`shop.carts`"
