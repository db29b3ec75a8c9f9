-- Clean: CHANGE that keeps the name, MODIFY, and renames in a table created in this file.
ALTER TABLE users CHANGE email email VARCHAR(320) NOT NULL;
ALTER TABLE users CHANGE `Email` email VARCHAR(320);
ALTER TABLE users MODIFY name VARCHAR(200);
CREATE TABLE drafts (id BIGINT PRIMARY KEY, title VARCHAR(100));
ALTER TABLE drafts RENAME COLUMN title TO headline;
ALTER TABLE drafts CHANGE headline subject VARCHAR(100);
ALTER TABLE users RENAME INDEX idx_name TO idx_full_name;
