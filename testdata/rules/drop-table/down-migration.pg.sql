-- Near miss: a down migration exists to undo its up migration; with the
-- default down_migrations = "relaxed" data-loss rules skip it.
-- migrate:up
CREATE TABLE audit_log (id bigint PRIMARY KEY, body text);
DROP TABLE legacy_audit; -- expect: drop-table@12

-- migrate:down
DROP TABLE audit_log;
