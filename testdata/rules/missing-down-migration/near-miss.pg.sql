-- Near miss: the down section undoes the up section.
-- +goose Up
ALTER TABLE users ADD COLUMN nickname text;

-- +goose Down
ALTER TABLE users DROP COLUMN nickname;
