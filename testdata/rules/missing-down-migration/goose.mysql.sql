-- goose keeps the down migration in the same file; this one has none (MySQL).
-- +goose Up
ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL, ALGORITHM=INSTANT; -- expect: missing-down-migration@1 "-- +goose Down"
UPDATE users SET nickname = name WHERE id < 1000;
