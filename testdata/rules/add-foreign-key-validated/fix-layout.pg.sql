-- The unsafe fix adds the key NOT VALID and validates it by name in the next
-- statement (each statement commits on its own: no runner transaction here).
-- A quoted name and an ONLY, schema-qualified table are copied as written.
ALTER TABLE ONLY public."Orders" ADD CONSTRAINT "Orders_User" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE; -- expect: add-foreign-key-validated@34

-- Unnamed: the fix names it as PostgreSQL would (table_columns_fkey), so that
-- VALIDATE can refer to it.
ALTER TABLE "Orders" ADD FOREIGN KEY (user_id, "Tenant") REFERENCES users (id, tenant); -- expect: add-foreign-key-validated@22

-- PostgreSQL cuts a composed name to 63 bytes, the longer part first.
ALTER TABLE a_very_long_table_name_for_orders_of_customers ADD FOREIGN KEY (a_rather_long_customer_reference_id) REFERENCES customers (id); -- expect: add-foreign-key-validated@60

-- Indented and over several lines: the new statement keeps the indentation.
  ALTER TABLE orders
    ADD CONSTRAINT orders_store_fk FOREIGN KEY (store_id) REFERENCES stores (id) -- expect: add-foreign-key-validated@5
    DEFERRABLE INITIALLY DEFERRED;

-- Another statement on the same line stays after the new one.
ALTER TABLE orders ADD CONSTRAINT orders_agent_fk FOREIGN KEY (agent_id) REFERENCES agents (id); SELECT 1; -- expect: add-foreign-key-validated@20

-- No fix: another action in the same statement, or an inline REFERENCES.
ALTER TABLE orders ADD COLUMN batch_id bigint, ADD CONSTRAINT orders_batch_fk FOREIGN KEY (batch_id) REFERENCES batches (id); -- expect: add-foreign-key-validated@48
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id); -- expect: add-foreign-key-validated@48

-- The last statement without a semicolon gets one.
ALTER TABLE orders ADD CONSTRAINT orders_last_fk FOREIGN KEY (last_id) REFERENCES lasts (id) -- expect: add-foreign-key-validated@20
