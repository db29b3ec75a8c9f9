-- ddlint-test: runner=goose
-- +goose Up
ALTER TABLE users ADD COLUMN plan text;

-- +goose Down
UPDATE users SET plan = NULL WHERE plan = 'free';
ALTER TABLE users DROP COLUMN plan; -- expect: mixed-ddl-dml@1
