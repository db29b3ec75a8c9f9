-- Near misses (MySQL): guarded statements, temporary tables, objects the migration created
-- earlier or dropped first, and MySQL's DROP CHECK (no IF EXISTS form).
CREATE TABLE IF NOT EXISTS accounts (id BIGINT PRIMARY KEY) ENGINE=InnoDB;
DROP TABLE IF EXISTS carts;
CREATE TABLE carts (id BIGINT PRIMARY KEY) ENGINE=InnoDB;
CREATE TEMPORARY TABLE scratch (id BIGINT);
DROP TEMPORARY TABLE scratch;
CREATE TABLE IF NOT EXISTS import_batch (id BIGINT) ENGINE=InnoDB;
DROP TABLE import_batch;
CREATE DATABASE IF NOT EXISTS billing;
DROP VIEW IF EXISTS user_view;
ALTER TABLE users DROP CHECK users_age_check;
-- Routines are not checked (the page says so): a guard procedure dropped after its CALL.
DROP PROCEDURE IF EXISTS add_col;
CREATE PROCEDURE add_col() BEGIN ALTER TABLE users ADD COLUMN bio TEXT; END;
CALL add_col();
DROP PROCEDURE add_col;
DROP FUNCTION slugify;
