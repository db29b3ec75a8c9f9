-- Expected duration: 10 minutes
-- The concurrent build blocks nothing; the finding belongs to the ALTER TABLE,
-- the first statement that blocks other sessions.
-- Locks: users table (exclusive lock)
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN nickname text; -- expect: missing-lock-annotation@1
