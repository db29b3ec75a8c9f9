-- Locks: users (online), orders (SHARE UPDATE EXCLUSIVE)
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
CREATE INDEX users_name_idx ON users (name); -- expect: lock-annotation-mismatch@1 "declares `users` as `none` (blocks nothing)"
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
-- expect-next: lock-annotation-mismatch@1 "ACCESS EXCLUSIVE lock on `orders`"
ALTER TABLE orders
  ALTER COLUMN note SET DEFAULT '';
