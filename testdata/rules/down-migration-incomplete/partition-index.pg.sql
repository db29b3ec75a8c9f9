-- The index on the partitioned table attaches the matching index each
-- partition already has (partitions named events_<n>, made by a function the
-- schema model cannot read); dropping the parent index drops them all. An
-- index with other columns is not attached.
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_0_poll_idx ON events_0 (tenant_id, created_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_1_poll_idx ON events_1 (tenant_id, created_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_1_kind_idx ON events_1 (kind); -- expect: down-migration-incomplete@1 "creates index `events_1_kind_idx`"
CREATE INDEX IF NOT EXISTS events_poll_idx ON events (tenant_id, created_at);

-- +goose Down
DROP INDEX IF EXISTS events_poll_idx;
