-- ddlint: locks=orders:write
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: missing-duration-annotation@1
