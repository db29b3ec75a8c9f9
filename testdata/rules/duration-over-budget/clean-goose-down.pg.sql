-- +goose Up
-- Clean: the declared duration is within the budget; the down section's
-- blocking statements do not change that.
-- Expected duration: 2m
CREATE TABLE events (id bigint PRIMARY KEY, kind text);

-- +goose Down
ALTER TABLE users DROP COLUMN last_event_id;
DROP TABLE events;
