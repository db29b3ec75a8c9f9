-- Clean: creating a database and dropping single tables is not dropping a database.
CREATE DATABASE IF NOT EXISTS reporting;
DROP TABLE IF EXISTS reporting_tmp;
DROP VIEW reporting_summary;
