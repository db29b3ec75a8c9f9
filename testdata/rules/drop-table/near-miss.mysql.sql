-- Clean: tables created in this file, temporary tables, and other objects.
CREATE TABLE import_batch (id BIGINT PRIMARY KEY) ENGINE=InnoDB;
DROP TABLE import_batch;
CREATE TEMPORARY TABLE scratch (id BIGINT);
DROP TEMPORARY TABLE scratch;
DROP TEMPORARY TABLE IF EXISTS tmp_totals;
DROP VIEW active_users;
DROP INDEX idx_users_email ON users;
TRUNCATE TABLE cache_entries;
