-- +goose Up
-- Each goose section runs in a transaction of its own: the up section's
-- locks are gone when the down section validates, and the down section's
-- own lock is the one named.
CREATE INDEX orders_created_idx ON orders (created_at);
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-in-same-transaction@20 "holds SHARE on `orders` (taken by `CREATE INDEX orders_created_idx ON orders (cr...`)"

-- +goose Down
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
LOCK TABLE orders IN SHARE MODE;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-in-same-transaction@20 "holds SHARE on `orders` (taken by `LOCK TABLE orders IN SHARE MODE`)"
