-- Clean: NOT NULL kept, a column known to be nullable, a primary key column
-- (it stays NOT NULL), and a table created in this file.
ALTER TABLE users MODIFY email VARCHAR(200) NOT NULL;
ALTER TABLE users ADD COLUMN bio TEXT;
ALTER TABLE users MODIFY bio MEDIUMTEXT;
ALTER TABLE users CHANGE bio about MEDIUMTEXT NULL;
ALTER TABLE accounts MODIFY id BIGINT NOT NULL PRIMARY KEY;
ALTER TABLE accounts MODIFY id BIGINT UNSIGNED;
CREATE TABLE invites (id BIGINT, email VARCHAR(100) NOT NULL);
ALTER TABLE invites MODIFY email VARCHAR(100);
