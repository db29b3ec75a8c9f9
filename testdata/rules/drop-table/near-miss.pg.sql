-- Clean: tables created earlier in this file, and other kinds of objects.
CREATE TABLE import_batch (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO import_batch SELECT id, payload FROM staging_rows;
DROP TABLE import_batch;

CREATE TABLE public.scratch (id int);
DROP TABLE IF EXISTS scratch;

DROP VIEW active_users;
DROP MATERIALIZED VIEW daily_totals;
DROP INDEX CONCURRENTLY users_old_idx;
DROP SEQUENCE legacy_seq;
ALTER TABLE users DROP COLUMN legacy;
