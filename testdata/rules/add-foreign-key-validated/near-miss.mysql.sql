-- Clean: checks off (existing rows are not checked), MySQL ignores an inline
-- REFERENCES, and a table created in this file.
SET FOREIGN_KEY_CHECKS = OFF;
ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);
SET FOREIGN_KEY_CHECKS = ON;
ALTER TABLE orders ADD COLUMN shop_id BIGINT REFERENCES shops (id);
CREATE TABLE lines (order_id BIGINT);
ALTER TABLE lines ADD FOREIGN KEY (order_id) REFERENCES orders (id);
