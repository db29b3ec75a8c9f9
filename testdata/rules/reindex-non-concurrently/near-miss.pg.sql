-- ddlint-test: pg_version=14
-- Clean: concurrent rebuilds, the system catalogs, and objects created in this file.
REINDEX INDEX CONCURRENTLY users_email_idx;
REINDEX TABLE CONCURRENTLY public.orders;
REINDEX (VERBOSE, CONCURRENTLY) TABLE accounts;
REINDEX SCHEMA CONCURRENTLY billing;
REINDEX SYSTEM app;

CREATE TABLE import_rows (id bigint PRIMARY KEY, batch int);
CREATE INDEX import_rows_batch_idx ON import_rows (batch);
REINDEX TABLE import_rows;
REINDEX INDEX import_rows_batch_idx;
