-- ddlint-test: schema_complete=true
-- Near misses (MySQL): objects created or renamed earlier, IF EXISTS guards, a column
-- added by the same statement, and a table whose columns come from CREATE TABLE ... SELECT.
CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL) ENGINE=InnoDB;
ALTER TABLE users ADD COLUMN phone VARCHAR(40) NULL, ADD INDEX users_phone_idx (phone);
ALTER TABLE users MODIFY phone VARCHAR(60) NULL;
ALTER TABLE users RENAME COLUMN phone TO phone_number;
RENAME TABLE users TO accounts;
UPDATE accounts SET email = LOWER(email) WHERE id < 100;
DROP TABLE IF EXISTS sessions;
ALTER TABLE IF EXISTS legacy DROP COLUMN flag;
CREATE TABLE report AS SELECT id FROM accounts;
ALTER TABLE report MODIFY total BIGINT NULL;
