-- Clean for this rule: no duration declared is missing-duration-annotation's
-- finding.
-- Locks: orders (write)
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
