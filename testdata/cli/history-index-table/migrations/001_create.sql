CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, total numeric);
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX orders_user_idx ON orders (user_id);
CREATE INDEX orders_total_idx ON orders (total);
ALTER TABLE orders ADD CONSTRAINT orders_user_total_key UNIQUE (user_id, total);
