-- Safe: builds an index on the existing `orders` table with CONCURRENTLY,
-- outside any transaction block. Reads and writes continue while the index
-- builds; the migration declares its duration and that it blocks nothing.
--
-- Expected duration: 2-4 minutes
-- Locks: none

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx
    ON orders (created_at);
