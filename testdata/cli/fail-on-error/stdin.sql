-- Expected duration: 1m
-- Locks: users (exclusive)
ALTER TABLE users DROP COLUMN legacy;
