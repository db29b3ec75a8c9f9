-- Clean: CHANGE that keeps the name, MODIFY, and renames in a table created in this file.
ALTER TABLE users CHANGE email email VARCHAR(320) NOT NULL;
ALTER TABLE users CHANGE `Email` email VARCHAR(320);
ALTER TABLE users MODIFY name VARCHAR(200);
CREATE TABLE drafts (id BIGINT PRIMARY KEY, title VARCHAR(100));
ALTER TABLE drafts RENAME COLUMN title TO headline;
ALTER TABLE drafts CHANGE headline subject VARCHAR(100);
ALTER TABLE users RENAME INDEX idx_name TO idx_full_name;
-- A type change by column swap: the temporary column is added by this
-- migration, so no deployed code names it; renaming it into place is clean.
ALTER TABLE job ADD due_tmp DATETIME(3) NULL;
UPDATE job SET due_tmp = due WHERE id > 0;
ALTER TABLE job DROP COLUMN due;
ALTER TABLE job CHANGE due_tmp due DATETIME(3) NULL;
