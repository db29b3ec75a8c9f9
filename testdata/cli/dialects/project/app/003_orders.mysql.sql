CREATE INDEX idx_orders_c ON orders (c);
