-- Dropped first in the same migration: a re-run drops it again before creating it.
DROP TABLE IF EXISTS report_cache;
CREATE TABLE report_cache (id bigint PRIMARY KEY, body text);
DROP INDEX IF EXISTS report_cache_body_idx;
CREATE INDEX report_cache_body_idx ON report_cache (body);
DROP SEQUENCE IF EXISTS report_seq;
CREATE SEQUENCE report_seq;
DROP MATERIALIZED VIEW IF EXISTS report_mv;
CREATE MATERIALIZED VIEW report_mv AS SELECT 1 AS one;
