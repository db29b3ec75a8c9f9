-- Clean: concurrent drops, indexes on tables created in this file, other drops.
DROP INDEX CONCURRENTLY users_email_idx;
DROP INDEX CONCURRENTLY IF EXISTS public.orders_placed_idx;

CREATE TABLE import_rows (id bigint PRIMARY KEY, batch int);
CREATE INDEX import_rows_batch_idx ON import_rows (batch);
DROP INDEX import_rows_batch_idx;

CREATE TABLE staging.rows (id bigint, batch int);
CREATE INDEX rows_batch_idx ON staging.rows (batch);
DROP INDEX staging.rows_batch_idx;

DROP TABLE sessions;
DROP MATERIALIZED VIEW daily_totals;
ALTER TABLE users DROP CONSTRAINT users_email_key;
