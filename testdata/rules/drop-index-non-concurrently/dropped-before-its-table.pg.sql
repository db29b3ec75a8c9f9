-- ddlint-test: rules=drop-index-non-concurrently
-- migrate:up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
CREATE INDEX CONCURRENTLY audit_log_at_idx ON audit_log (at);

-- migrate:down
-- users_email_idx is dropped on its own: its table stays and is blocked.
DROP INDEX users_email_idx; -- expect: drop-index-non-concurrently@12 "lock on `users`"
-- The index's table is dropped right after: the DROP TABLE takes the same
-- lock and the table goes, so dropping the index first costs nothing more.
DROP INDEX audit_log_at_idx;
DROP TABLE audit_log;
