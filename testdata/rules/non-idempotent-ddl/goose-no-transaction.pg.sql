-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: non-idempotent-ddl@1 "in a migration of several statements"
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON users (name);
CREATE INDEX CONCURRENTLY users_nick_idx ON users (nick); -- expect: non-idempotent-ddl@1

-- +goose Down
DROP INDEX CONCURRENTLY users_email_idx; -- expect: non-idempotent-ddl@1
DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;
DROP INDEX CONCURRENTLY users_nick_idx; -- expect: non-idempotent-ddl@1
