-- ddlint-test: duration-over-budget.max_duration=15m
-- Expected duration: 5-10 minutes
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
