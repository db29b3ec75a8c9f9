-- Near miss: without a down migration this is missing-down-migration's finding.
-- +goose Up
CREATE TABLE audit_log (id bigint PRIMARY KEY, body text);
