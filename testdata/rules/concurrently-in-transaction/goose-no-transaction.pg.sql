-- Near miss: with NO TRANSACTION goose sends each statement on its own.
-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);

-- +goose Down
DROP INDEX CONCURRENTLY users_email_idx;
DROP INDEX CONCURRENTLY users_name_idx;
