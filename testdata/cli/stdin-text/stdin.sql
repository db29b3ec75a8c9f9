-- Expected duration: 1m
-- Locks: orders (write)
CREATE INDEX orders_ref_idx ON orders (ref);
ALTER TABLE orders DROP COLUMN legacy; -- ddlint-ignore drop-column
