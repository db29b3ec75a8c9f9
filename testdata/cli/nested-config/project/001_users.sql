-- Expected duration: 1s
-- Locks: users (exclusive)
ALTER TABLE users DROP COLUMN legacy;
