-- With foreign_key_checks on, a new foreign key copies the table and checks every row.
ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id); -- expect: add-foreign-key-validated@20 "checks every existing row while `orders` is copied (ALGORITHM=COPY, LOCK=SHARED"
ALTER TABLE orders ADD FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE CASCADE; -- expect: add-foreign-key-validated@20
SET foreign_key_checks = 0;
ALTER TABLE orders ADD FOREIGN KEY (item_id) REFERENCES items (id);
SET foreign_key_checks = 1;
ALTER TABLE orders ADD FOREIGN KEY (box_id) REFERENCES boxes (id); -- expect: add-foreign-key-validated@20
