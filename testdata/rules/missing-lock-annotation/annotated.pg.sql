-- Clean: the migration declares its locks (and duration) in the header.
-- Expected duration: 5-10 minutes
-- Locks: users (write lock), orders (exclusive, brief)
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE orders ADD COLUMN note text;
