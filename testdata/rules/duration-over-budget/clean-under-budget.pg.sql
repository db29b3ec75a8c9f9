-- Expected duration: under 1 minute
-- Locks: users (exclusive, brief)
ALTER TABLE users ADD COLUMN nickname text;
