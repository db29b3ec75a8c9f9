-- Near miss: annotations describe the up migration; what the down
-- migration locks does not need declaring.
-- migrate:up
CREATE TABLE events (id bigint PRIMARY KEY, kind text);

-- migrate:down
ALTER TABLE users DROP COLUMN last_event_id;
DROP TABLE events;
