-- Clean: NOT VALID then VALIDATE, foreign keys declared in CREATE TABLE,
-- foreign keys added to tables created earlier in this file.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;

ALTER TABLE orders ADD COLUMN coupon_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;

CREATE TABLE shipments (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  carrier_id bigint,
  FOREIGN KEY (carrier_id) REFERENCES carriers (id)
);
ALTER TABLE shipments ADD CONSTRAINT shipments_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE shipments ADD COLUMN return_of bigint REFERENCES shipments (id);

-- Other constraints on an existing table are not foreign keys.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders DROP CONSTRAINT orders_legacy_fk;
