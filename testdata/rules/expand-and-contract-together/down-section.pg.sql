-- Near miss: a down migration undoing a replacement is not a replacement.
-- +goose Up
ALTER TABLE users ADD COLUMN nickname text;

-- +goose Down
ALTER TABLE users ADD COLUMN nick text;
UPDATE users SET nick = nickname WHERE id < 100;
ALTER TABLE users DROP COLUMN nickname;
