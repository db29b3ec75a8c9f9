-- PostgreSQL lock-mode names map to what they block: SHARE blocks writes only.
-- Locks: users (SHARE), orders (ACCESS EXCLUSIVE)
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: lock-annotation-mismatch@1 "declares `users` as `write` (blocks writes)"
