SET lock_timeout = '2s';
-- Clean: only comments before the first statement are annotations.
-- Expected duration: 2 hours
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
