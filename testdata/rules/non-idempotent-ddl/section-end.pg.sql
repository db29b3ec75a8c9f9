-- +goose NO TRANSACTION
-- +goose Up
-- The only statement of its section: a failed concurrent build is reported
-- when the section ends, before the next section's statements.
CREATE INDEX CONCURRENTLY a_idx ON t (a); -- expect: non-idempotent-ddl@1 "CREATE INDEX `a_idx` has no IF NOT EXISTS and runs outside a transaction: a failed concurrent build"

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS a_idx;
