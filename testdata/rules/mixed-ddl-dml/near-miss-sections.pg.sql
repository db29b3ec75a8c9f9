-- ddlint-test: runner=goose
-- Each section is its own migration.
-- +goose Up
UPDATE users SET plan = 'free' WHERE plan IS NULL;

-- +goose Down
ALTER TABLE users DROP COLUMN plan;
