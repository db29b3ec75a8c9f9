-- MySQL: a restated column and new keys.
CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner_id BIGINT, qty BIGINT, email VARCHAR(200));
ALTER TABLE users MODIFY email VARCHAR(100) NOT NULL;
ALTER TABLE users ADD UNIQUE KEY uk_email (email);
ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE orders ADD CONSTRAINT chk_qty CHECK (qty > 0);
-- Near misses: MySQL gives a new NOT NULL column its type's implicit default;
-- a table created in the file holds no rows; a widening keeps every value.
ALTER TABLE users ADD COLUMN plan VARCHAR(10) NOT NULL;
ALTER TABLE accounts MODIFY qty INT;
ALTER TABLE accounts ADD UNIQUE KEY uk_owner (owner_id);
ALTER TABLE accounts MODIFY email VARCHAR(250);
