-- ddlint-test: schema_complete=true
-- A complete history (MySQL): misspelt tables and columns, and a table renamed away.
CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL) ENGINE=InnoDB;
ALTER TABLE userz ADD COLUMN phone VARCHAR(40) NULL; -- expect: unknown-object@13 "table `userz`"
ALTER TABLE users MODIFY emial VARCHAR(300) NOT NULL; -- expect: unknown-object@19 "column `emial` of `users`"
ALTER TABLE users CHANGE COLUMN mail email_address VARCHAR(255) NOT NULL; -- expect: unknown-object@19 "column `mail` of `users`"
RENAME TABLE users TO accounts;
INSERT INTO users (id, email) VALUES (1, 'a@example.com'); -- expect: unknown-object@13 "table `users`"
