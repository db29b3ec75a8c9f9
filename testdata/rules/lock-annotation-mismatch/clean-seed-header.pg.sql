-- The header the migration guides ask for, on a migration that takes a
-- write lock on users: clean.
-- Expected duration: 5-10 minutes
-- Locks: users table (write lock)
-- Tested on: 2M row table
CREATE INDEX users_email_idx ON users (email);
