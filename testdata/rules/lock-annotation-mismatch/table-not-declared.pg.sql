-- Expected duration: 2 minutes
-- Locks: users (exclusive, brief)
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX orders_user_id_idx ON orders (user_id); -- expect: lock-annotation-mismatch@1 "SHARE lock on `orders`, which blocks writes, but the lock annotation does not name `orders`"
