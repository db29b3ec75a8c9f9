-- ddlint-test: runner=goose down_migrations=strict
-- +goose Up
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;

-- +goose Down
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::json; -- expect: json-column@46
