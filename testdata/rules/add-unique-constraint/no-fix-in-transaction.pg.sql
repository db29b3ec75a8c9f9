-- ddlint-test: runner=goose
-- CREATE INDEX CONCURRENTLY cannot run inside the runner's transaction: no fix.
-- +goose Up
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: add-unique-constraint@19

-- +goose Down
ALTER TABLE users DROP CONSTRAINT users_email_key;
