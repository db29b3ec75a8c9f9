-- ddlint-test: runner=golang-migrate
-- A migration sent as one query string (golang-migrate) runs in an implicit
-- transaction once it holds two statements: the fix says so.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-foreign-key-validated@20
