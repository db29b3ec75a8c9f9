-- ddlint-test: runner=goose
-- Inside the runner's transaction VALIDATE would check the rows under the lock
-- ADD CONSTRAINT holds until commit: the fix says to run it in its own.
-- +goose Up
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-foreign-key-validated@20

-- +goose Down
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
