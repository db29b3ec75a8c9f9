-- A foreign key to an existing table takes SHARE ROW EXCLUSIVE on it.
-- Expected duration: 1s
-- Locks: orders table (write lock)
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id)); -- expect: missing-lock-annotation@1 "`orders` (blocks writes)"
