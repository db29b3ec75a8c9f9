-- Clean: NOT VALID then VALIDATE, tables created in this file, other constraint kinds.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric NOT NULL);
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_positive CHECK (amount > 0);
ALTER TABLE public.invoices ADD COLUMN tax numeric CHECK (tax >= 0);

-- A CHECK inside CREATE TABLE is never a validation scan.
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric CHECK (amount > 0), CHECK (id > 0));

-- Not a CHECK: other actions on an existing table.
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_old_check;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
