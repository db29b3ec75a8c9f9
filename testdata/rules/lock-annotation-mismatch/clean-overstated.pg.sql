-- Clean: overstating is fine, and so is naming a table the migration does
-- not touch.
-- Expected duration: 5 minutes
-- Locks: users (exclusive), orders (blocks reads and writes), invoices (write)
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
