-- ddlint-test: runner=golang-migrate
-- A migration sent as one query string (golang-migrate) runs in an implicit
-- transaction once it holds two statements: the fix says so.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: add-foreign-key-validated@20
-- Run VALIDATE CONSTRAINT in its own transaction (after this one commits, or in a later migration): in this one it checks every row under the lock ADD CONSTRAINT holds until commit.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
