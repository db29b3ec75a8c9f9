-- ddlint-test: assume_in_transaction=true
-- Another lock on the table that blocks writes, held by the runner's transaction.
CREATE INDEX orders_created_idx ON orders (created_at);
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-in-same-transaction@20 "holds SHARE on `orders` (taken by `CREATE INDEX orders_created_idx ON orders (cr...`)"
ALTER TABLE users ADD COLUMN bio text, VALIDATE CONSTRAINT users_email_check; -- expect: validate-in-same-transaction@40 "other actions take ACCESS EXCLUSIVE"
