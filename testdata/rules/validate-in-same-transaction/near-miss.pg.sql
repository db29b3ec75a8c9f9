-- Clean: autocommit steps, a COMMIT between them, locks on other tables,
-- tables created in the file.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_ref_check CHECK (ref <> '') NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE orders VALIDATE CONSTRAINT orders_ref_check;
COMMIT;

BEGIN;
ALTER TABLE customers ADD COLUMN tier text;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_tmp_idx ON orders (id);
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders VALIDATE CONSTRAINT orders_other_check;
COMMIT;

BEGIN;
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric);
ALTER TABLE refunds ADD CONSTRAINT refunds_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE refunds VALIDATE CONSTRAINT refunds_amount_positive;
COMMIT;
