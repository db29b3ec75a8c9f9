CREATE INDEX CONCURRENTLY idx_orders_total ON orders ((total::numeric));
