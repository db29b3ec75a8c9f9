ALTER TABLE orders ADD COLUMN user_id bigint;
ALTER TABLE users DROP COLUMN nickname;
UPDATE customers SET email = NULL WHERE id = 1;
