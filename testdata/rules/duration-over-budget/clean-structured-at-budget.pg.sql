-- Clean: 300 seconds is the budget.
-- ddlint: duration=300s locks=orders:write
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
