-- +goose Up
-- Clean: the annotations describe the up migration; the down section blocks
-- `users` but needs no declaration.
-- Expected duration: 1s
-- Locks: none
CREATE TABLE events (id bigint PRIMARY KEY, kind text);

-- +goose Down
ALTER TABLE users DROP COLUMN last_event_id;
DROP TABLE events;
