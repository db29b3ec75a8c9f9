-- Clean: a table created in this file, and a bounded DELETE.
CREATE TABLE staging_rows (id BIGINT PRIMARY KEY, payload JSON);
TRUNCATE TABLE staging_rows;
DELETE FROM sessions WHERE id < 1000 LIMIT 1000;
