-- UPDATE/DELETE on existing tables whose WHERE does not bound them to a batch.
UPDATE users SET plan = 'free' WHERE plan IS NULL; -- expect: unbatched-dml@1 "UPDATE of `users` is not bounded to a batch"
DELETE FROM events WHERE created_at < now() - interval '90 days'; -- expect: unbatched-dml@1 "rows by `created_at`"
UPDATE ci_pipeline SET kind = 'LINKED' WHERE kind = 'EXTERNAL'; -- expect: unbatched-dml@1 "`kind`"
-- A range open at the top is no batch.
UPDATE users SET plan = 'free' WHERE id > 1000; -- expect: unbatched-dml@1 "bounds `id` from below only"
-- OR and NOT terms do not bound.
UPDATE orders SET state = 'archived' WHERE state = 'done' OR id < 1000; -- expect: unbatched-dml@1
DELETE FROM users WHERE NOT (id = 5); -- expect: unbatched-dml@1
-- A join on columns is not a bound; neither is a key of the other table.
-- expect-next: unbatched-dml@1 "`public.handle`"
UPDATE public.handle SET resource_id = item.uuid FROM item
WHERE handle.legacy_id = item.item_id AND item.id = 5;
-- IN a subquery without LIMIT.
DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE banned); -- expect: unbatched-dml@1
-- LIMIT 1 in a SET subquery does not bound the rows updated.
UPDATE accounts SET owner = (SELECT id FROM owners LIMIT 1) WHERE owner IS NULL; -- expect: unbatched-dml@1
-- A range whose bound reads a subquery is not a literal bound.
UPDATE users SET plan = 'free' WHERE id <= (SELECT max(id) FROM users); -- expect: unbatched-dml@1
-- Inside a transaction too.
BEGIN;
UPDATE users SET plan = 'free' WHERE plan = ''; -- expect: unbatched-dml@1
COMMIT;
-- A natural key bounds only by equality; other literal columns never do.
UPDATE plugins SET label = 'x' WHERE name > 'm'; -- expect: unbatched-dml@1
DELETE FROM chart_ref WHERE location = 'chart_4-13-0' AND version = '4.13.0'; -- expect: unbatched-dml@1 "`location` and `version`"
