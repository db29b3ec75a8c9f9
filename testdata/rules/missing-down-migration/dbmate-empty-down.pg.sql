-- An empty down section is no down migration.
-- migrate:up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: missing-down-migration@1 "-- migrate:down"

-- migrate:down
-- (nothing)
