-- Near miss: a plain SQL file (no down-migration convention), and goose's own down section.
-- +goose Up
ALTER TABLE users DROP COLUMN legacy_login;

-- +goose Down
ALTER TABLE users ADD COLUMN legacy_login text;
