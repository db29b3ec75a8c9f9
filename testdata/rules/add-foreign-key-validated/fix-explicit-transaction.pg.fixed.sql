-- The same inside a BEGIN ... COMMIT block written in the file.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: add-foreign-key-validated@20
-- Run VALIDATE CONSTRAINT in its own transaction (after this one commits, or in a later migration): in this one it checks every row under the lock ADD CONSTRAINT holds until commit.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
COMMIT;
