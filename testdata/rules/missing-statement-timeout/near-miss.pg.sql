-- Clean: a statement_timeout in effect; new tables; locks that block nothing.
SET statement_timeout = '2min';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);
SET statement_timeout = 300000;
CREATE INDEX orders_created_at_idx ON orders (created_at);
RESET statement_timeout;

CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint);
CREATE INDEX refunds_order_idx ON refunds (order_id);
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);

BEGIN;
SET LOCAL statement_timeout = '30s';
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
