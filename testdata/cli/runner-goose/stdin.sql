-- goose wraps the file in a transaction: CONCURRENTLY fails there.
-- Locks: none
-- Expected duration: under 1 minute
-- +goose Up
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- +goose Down
DROP INDEX CONCURRENTLY users_email_idx;
ALTER TABLE users DROP COLUMN email;
