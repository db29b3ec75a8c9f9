-- Near miss (MySQL): the down migration restores the column from a copy table.
-- +goose Up
CREATE TABLE users_legacy AS SELECT id, legacy_login FROM users;
ALTER TABLE users DROP COLUMN legacy_login;

-- +goose Down
ALTER TABLE users ADD COLUMN legacy_login VARCHAR(255) NULL;
UPDATE users u JOIN users_legacy c ON c.id = u.id SET u.legacy_login = c.legacy_login;
