-- Clean: a plain DROP SCHEMA fails on a non-empty schema; other CASCADE drops
-- belong to other rules.
DROP SCHEMA reporting;
DROP SCHEMA IF EXISTS archive RESTRICT;
DROP TABLE sessions CASCADE;
DROP VIEW active_users CASCADE;
DROP TYPE mood CASCADE;
DROP EXTENSION IF EXISTS pg_trgm CASCADE;
