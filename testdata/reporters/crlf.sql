ALTER TABLE orders
  ADD COLUMN total numeric NOT NULL,
  DROP COLUMN legacy;
CREATE INDEX orders_total_idx ON orders (total);
