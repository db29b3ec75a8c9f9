-- ddlint-test: assume_in_transaction=true
-- The runner's transaction holds the lock until the end of the file.
ALTER TABLE orders RENAME COLUMN total TO total_cents;
CREATE INDEX orders_total_cents_idx ON orders (total_cents); -- expect: lock-held-across-statements@1 "`orders`"
COMMIT;
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD COLUMN memo text;
