-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB creates a foreign key from an inline REFERENCES in ADD COLUMN.
ALTER TABLE orders ADD COLUMN shop_id BIGINT REFERENCES shops (id); -- expect: add-foreign-key-validated@46 "ALGORITHM=COPY"
SET foreign_key_checks = 0;
ALTER TABLE orders ADD COLUMN box_id BIGINT REFERENCES boxes (id);
