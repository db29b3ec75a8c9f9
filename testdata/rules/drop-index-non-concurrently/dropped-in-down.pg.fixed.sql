-- ddlint-test: rules=drop-index-non-concurrently
-- migrate:up
CREATE INDEX CONCURRENTLY orders_at_idx ON orders (at);
-- The index's table is dropped later in the file, but by the down
-- migration: the up migration's DROP INDEX still blocks the table.
DROP INDEX CONCURRENTLY orders_at_idx; -- expect: drop-index-non-concurrently@12 "lock on `orders`"

-- migrate:down
DROP TABLE orders;
