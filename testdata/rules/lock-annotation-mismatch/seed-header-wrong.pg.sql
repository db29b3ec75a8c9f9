-- The same header on a migration whose lock is stronger than declared, and
-- on a table it does not name: a precise mismatch for each.
-- Expected duration: 5-10 minutes
-- Locks: users table (write lock)
-- Tested on: 2M row table
ALTER TABLE users ADD COLUMN nickname text; -- expect: lock-annotation-mismatch@1 "this statement takes an ACCESS EXCLUSIVE lock on `users`, which blocks reads and writes, but the lock annotation declares `users` as `write` (blocks writes)"
CREATE INDEX orders_user_idx ON orders (user_id); -- expect: lock-annotation-mismatch@1 "the lock annotation does not name `orders`"
