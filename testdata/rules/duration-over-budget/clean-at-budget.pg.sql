-- Clean: exactly at the budget (5 minutes) is within it.
-- Expected duration: 4-5 minutes
-- Locks: orders (write)
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
