-- Validated foreign keys added to existing tables block writes to both tables.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: add-foreign-key-validated@20 "`orders` and `customers`"
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders ADD CONSTRAINT orders_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.stores NOT VALID; -- expect: add-foreign-key-validated@20 "`public.stores`"
ALTER TABLE orders VALIDATE CONSTRAINT orders_store_id_fkey;

-- Inline REFERENCES in ADD COLUMN: reported at the constraint.
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id); -- expect: add-foreign-key-validated@48 "`coupons`"
ALTER TABLE orders ADD COLUMN agent_id bigint CONSTRAINT orders_agent_fk REFERENCES agents (id) ON DELETE SET NULL; -- expect: add-foreign-key-validated@47

-- Multi-line ALTER TABLE: reported at the action's line.
ALTER TABLE orders
  ADD COLUMN warehouse_id bigint,
  ADD CONSTRAINT orders_warehouse_fk -- expect: add-foreign-key-validated@3 "`warehouses`"
    FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);

-- The referencing table is existing even though the referenced one is new.
CREATE TABLE regions (id bigint PRIMARY KEY);
ALTER TABLE orders ADD CONSTRAINT orders_region_fk FOREIGN KEY (region_id) REFERENCES regions (id) NOT VALID; -- expect: add-foreign-key-validated@20
ALTER TABLE orders VALIDATE CONSTRAINT orders_region_fk;
