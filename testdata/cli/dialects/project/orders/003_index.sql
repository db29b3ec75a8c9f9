-- No sign of either dialect: read as the other files of its folder are.
CREATE INDEX idx_orders_placed ON orders (placed_at);
