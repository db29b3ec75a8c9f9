-- goose runs each migration in a transaction unless the file says
-- `NO TRANSACTION` (detected from the directives; no setting needed).
-- +goose Up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "migration runner opens"

-- +goose Down
DROP INDEX CONCURRENTLY users_email_idx; -- expect: concurrently-in-transaction@1 "migration runner opens"
