-- The same inside a BEGIN ... COMMIT block written in the file.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-foreign-key-validated@20
COMMIT;
