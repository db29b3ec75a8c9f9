-- The index build blocks writes, as declared; the finding belongs to the
-- ALTER TABLE, the first statement that blocks reads as well. One finding per
-- table.
-- Expected duration: 3 minutes
-- Locks: users (write)
CREATE INDEX users_email_idx ON users (email);
-- expect-next: lock-annotation-mismatch@1 "ACCESS EXCLUSIVE lock on `users`"
ALTER TABLE users
  ADD COLUMN nickname text;
ALTER TABLE users DROP COLUMN legacy_flag;
