-- Clean: a column restated NOT NULL that already is, nullable restatements,
-- and a table created in this file.
ALTER TABLE users ADD COLUMN nick VARCHAR(20) NOT NULL DEFAULT '';
ALTER TABLE users MODIFY nick VARCHAR(40) NOT NULL DEFAULT '';
ALTER TABLE users MODIFY bio TEXT NULL;
ALTER TABLE users MODIFY note TEXT;
CREATE TABLE invites (id BIGINT, email VARCHAR(100));
ALTER TABLE invites MODIFY email VARCHAR(100) NOT NULL;
-- MySQL column names are case-insensitive.
ALTER TABLE users ADD COLUMN Token VARCHAR(40) NOT NULL DEFAULT '';
ALTER TABLE users MODIFY token VARCHAR(40) NOT NULL DEFAULT '';
