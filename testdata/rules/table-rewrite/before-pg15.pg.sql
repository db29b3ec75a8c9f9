-- ddlint-test: pg_version=14
-- SET ACCESS METHOD does not exist before PostgreSQL 15; the other rewrites do.
ALTER TABLE metrics SET ACCESS METHOD heap2;
ALTER TABLE metrics SET UNLOGGED; -- expect: table-rewrite@21 "SET UNLOGGED rewrites `metrics`"
