-- Risky: a goose migration runs in a transaction unless it says
-- `-- +goose NO TRANSACTION`, and PostgreSQL refuses CREATE INDEX
-- CONCURRENTLY there. ddlint reads the goose directives; the Down section
-- is checked for locking hazards too, but dropping what Up created is fine.
-- Expected duration: 2-5 minutes
-- Locks: none

-- +goose Up
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);

-- +goose Down
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY orders_customer_id_idx;
