-- A foreign key to an existing table takes SHARE ROW EXCLUSIVE on it.
-- Expected duration: 1s
-- Locks: refunds (exclusive)
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id)); -- expect: lock-annotation-mismatch@1 "SHARE ROW EXCLUSIVE lock on `orders`"
