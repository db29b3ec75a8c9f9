-- ddlint-test: duration-over-budget.max_duration=1m
-- expect-next: duration-over-budget@1 "above the budget of 1min"
-- Expected duration: under 2 minutes
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);
