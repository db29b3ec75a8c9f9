-- ddlint-test: runner=goose missing-lock-timeout.max_lock_timeout=500ms
-- The unsafe fix sets the configured maximum just before the statement; inside
-- the runner's transaction with SET LOCAL, so that it ends with it. The up and
-- the down migration are separate runs: one finding (and one SET) each.
-- +goose Up
  ALTER TABLE users ADD COLUMN nickname text; -- expect: missing-lock-timeout@3 "no lock_timeout set"

-- +goose Down
ALTER TABLE users DROP COLUMN nickname; -- expect: missing-lock-timeout@1 "no lock_timeout set"
