-- Expected duration: 5-10 minutes
-- Locks: orders table (write lock)
CREATE INDEX orders_placed_at_idx ON orders (placed_at); -- expect: missing-lock-annotation@1 "`orders` (blocks writes)"
