-- A table created by the Up section already exists (and holds rows) when
-- the Down section runs: locking rules apply to down migrations too.
-- +goose Up
CREATE TABLE events (id bigint PRIMARY KEY, kind text);
CREATE INDEX events_kind_idx ON events (kind);

-- +goose Down
CREATE INDEX CONCURRENTLY events_id_kind_idx ON events (id, kind); -- expect: create-index-non-concurrently@1
DROP TABLE events;
