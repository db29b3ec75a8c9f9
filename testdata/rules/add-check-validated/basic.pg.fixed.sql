-- Validated CHECK constraints on existing tables scan them under ACCESS EXCLUSIVE.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID; -- expect: add-check-validated@20 "`orders`"
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
ALTER TABLE public.orders ADD CHECK (quantity > 0); -- expect: add-check-validated@27 "`public.orders`"

-- Inline CHECK on a new column: reported at the constraint.
ALTER TABLE orders ADD COLUMN discount numeric CHECK (discount BETWEEN 0 AND 1); -- expect: add-check-validated@48 "adding a column with a CHECK"
ALTER TABLE orders ADD COLUMN weight numeric CONSTRAINT orders_weight_positive CHECK (weight > 0); -- expect: add-check-validated@46

-- Multi-line ALTER TABLE: each offending action on its own line.
ALTER TABLE orders
  ADD COLUMN shipped_at timestamptz,
  ADD CONSTRAINT orders_shipped_after_placed CHECK (shipped_at >= placed_at), -- expect: add-check-validated@3
  ADD CONSTRAINT orders_total_cap CHECK (total < 1000000) NOT VALID,
  ADD CONSTRAINT orders_currency_known CHECK (currency IN ('EUR', 'USD')); -- expect: add-check-validated@3

-- A table created in this file is new, but another table is still existing.
CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric NOT NULL);
ALTER TABLE customers ADD CONSTRAINT customers_name_present CHECK (name <> '') NOT VALID; -- expect: add-check-validated@23
ALTER TABLE customers VALIDATE CONSTRAINT customers_name_present;
