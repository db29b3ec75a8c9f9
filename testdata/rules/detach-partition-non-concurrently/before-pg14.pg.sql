-- ddlint-test: pg_version=13
-- Clean: before PostgreSQL 14 there is no concurrent detach to recommend.
ALTER TABLE measurements DETACH PARTITION measurements_2019;
