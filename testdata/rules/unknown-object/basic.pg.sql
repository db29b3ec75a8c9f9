-- ddlint-test: schema_complete=true
CREATE TABLE users (id bigint PRIMARY KEY, email text);
ALTER TABLE users ADD COLUMN name text;
CREATE INDEX users_name_idx ON users (name);
ALTER TABLE users DROP COLUMN nickname; -- expect: unknown-object@19 "column `nickname` of `users`"
ALTER TABLE orders ADD COLUMN note text; -- expect: unknown-object@13 "table `orders`"
UPDATE userz SET email = '' WHERE id = 1; -- expect: unknown-object@8 "table `userz`"
CREATE INDEX users_phone_idx ON users (phone); -- expect: unknown-object@33 "column `phone`"
-- expect-next: unknown-object@79 "table `accounts`"
ALTER TABLE users ADD CONSTRAINT users_account_fk FOREIGN KEY (id) REFERENCES accounts (id) NOT VALID;
-- A dropped table is gone.
DROP TABLE users;
INSERT INTO users (id) VALUES (1); -- expect: unknown-object@13 "table `users`"
-- A renamed column is known under its new name only.
CREATE TABLE notes (id bigint, body text);
ALTER TABLE notes RENAME COLUMN body TO text_body;
ALTER TABLE notes ALTER COLUMN body SET NOT NULL; -- expect: unknown-object@19 "column `body` of `notes`"
