-- A range counts as its upper bound: 10 minutes, above the default 5.
-- expect-next: duration-over-budget@1 "`5-10 minutes` (up to 10min), above the budget of 5min"
-- Expected duration: 5-10 minutes
-- Locks: orders (write)
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
