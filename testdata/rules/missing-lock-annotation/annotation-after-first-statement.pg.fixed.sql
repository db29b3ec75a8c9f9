-- Locks: users table (exclusive lock)
SET lock_timeout = '2s';
-- Only comments before the first statement are annotations.
-- Expected duration: 2s
-- Locks: users (exclusive)
ALTER TABLE users ADD COLUMN nickname text; -- expect: missing-lock-annotation@1
