-- Clean: the migration declares its duration (and locks) in the header.
-- Expected duration: 5-10 minutes
-- Locks: users (write lock)
-- Tested on: 2M row table
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN nickname text;
