-- ddlint-test: pg_version=11
-- Clean: before PostgreSQL 12 there is no REINDEX CONCURRENTLY to recommend.
REINDEX INDEX users_email_idx;
REINDEX TABLE orders;
REINDEX SCHEMA billing;
