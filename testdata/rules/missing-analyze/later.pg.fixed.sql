-- A later bulk change of the table covers an earlier one (reported there
-- instead); an unqualified name matches any schema; a table the file
-- creates after the change still counts as the same table there.
UPDATE users SET plan = 'free';
UPDATE public.users SET plan = 'pro' WHERE plan IS NULL; -- expect: missing-analyze@1 "this UPDATE of `public.users` may change many rows"
ANALYZE public.users;
UPDATE other.orders SET x = 1;
DELETE FROM orders WHERE id = 1;
ANALYZE orders;
UPDATE other.items SET a = 1; -- expect: missing-analyze@1 "this UPDATE rewrites every row of `other.items`"
ANALYZE other.items;
ANALYZE public.items;
UPDATE a SET x = 1;
DROP TABLE IF EXISTS other.a;
UPDATE t SET x = 1;
CREATE TABLE t (x int);
UPDATE t SET x = 2;
UPDATE u SET x = 1;
DO $$ BEGIN LOOP UPDATE u SET x = 2 WHERE id IN (SELECT id FROM u LIMIT 100); EXIT WHEN NOT FOUND; END LOOP; END $$; -- expect: missing-analyze@1 "this block changes rows of `u` in a loop"
ANALYZE u;
