-- Clean: columns of a table created in this file, and drops of other things.
CREATE TABLE imports (id BIGINT PRIMARY KEY, raw JSON, scratch TEXT);
ALTER TABLE imports DROP COLUMN scratch;
ALTER TABLE users DROP INDEX idx_users_email;
ALTER TABLE users DROP PRIMARY KEY, ADD PRIMARY KEY (id);
ALTER TABLE orders DROP FOREIGN KEY fk_orders_user;
ALTER TABLE users ALTER COLUMN nickname DROP DEFAULT;
DROP INDEX idx_orders_total ON orders;
