-- Risky: CREATE INDEX CONCURRENTLY inside an explicit transaction block.
-- PostgreSQL refuses to run it there ("cannot run inside a transaction
-- block"), so this migration fails at deploy time. Run the statement on its
-- own, outside BEGIN/COMMIT, as in 006.
--
-- Expected duration: 2-4 minutes
-- Locks: none

BEGIN;

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx
    ON orders (customer_id);

COMMIT;
