-- +goose NO TRANSACTION
-- +goose Up
-- A drop counts only earlier in the same section, and only of the same kind
-- of object; a section of one statement besides SETs is not "several".
DROP INDEX IF EXISTS a_idx;
CREATE INDEX CONCURRENTLY a_idx ON t (a);
DROP TABLE IF EXISTS b_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS b_idx ON t (b); -- expect: non-idempotent-ddl@1 "CREATE INDEX `b_idx` has no IF NOT EXISTS and runs outside a transaction in a migration of several statements"
CREATE INDEX CONCURRENTLY IF NOT EXISTS c_idx ON t (c); -- expect: non-idempotent-ddl@1 "CREATE INDEX `c_idx` has no IF NOT EXISTS"
DROP INDEX IF EXISTS c_idx;
DROP INDEX IF EXISTS other.d_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS d_idx ON public.t (d); -- expect: non-idempotent-ddl@1 "CREATE INDEX `d_idx` has no IF NOT EXISTS"

-- +goose Down
SET lock_timeout = '1s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON t (a); -- expect: non-idempotent-ddl@1 "CREATE INDEX `a_idx` has no IF NOT EXISTS and runs outside a transaction: a failed concurrent build"
