-- Clean: known old types where the change needs no copy, and a new table.
ALTER TABLE users ADD COLUMN code VARCHAR(20);
ALTER TABLE users MODIFY code VARCHAR(60) NOT NULL;
ALTER TABLE users ADD COLUMN latin VARCHAR(200) CHARACTER SET latin1;
ALTER TABLE users MODIFY latin VARCHAR(255) CHARACTER SET latin1;
ALTER TABLE users ADD COLUMN state ENUM('a', 'b');
ALTER TABLE users MODIFY state ENUM('a', 'b', 'c') NOT NULL DEFAULT 'a';
ALTER TABLE users ADD COLUMN n INT(11);
ALTER TABLE users MODIFY n INT NOT NULL;
ALTER TABLE users CHANGE n m INT NOT NULL;
CREATE TABLE invites (id INT);
ALTER TABLE invites MODIFY id BIGINT;
