-- Expected duration: under 1 second
-- Locks: users (write lock)
ALTER TABLE users ADD COLUMN nickname text; -- expect: lock-annotation-mismatch@1 "takes an ACCESS EXCLUSIVE lock on `users`, which blocks reads and writes, but the lock annotation declares `users` as `write`"
