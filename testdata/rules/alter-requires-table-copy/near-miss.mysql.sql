-- Changes MySQL 8.4 makes instantly or in place.
ALTER TABLE orders ADD COLUMN note VARCHAR(200);
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at);
ALTER TABLE orders DROP COLUMN legacy;
ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, region);
ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (total * 100) VIRTUAL;
ALTER TABLE orders RENAME COLUMN state TO status;
ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4;
-- A table created earlier in the migration holds no rows yet.
CREATE TABLE invoices (id BIGINT PRIMARY KEY, total INT NOT NULL);
ALTER TABLE invoices MODIFY COLUMN total BIGINT NOT NULL;
ALTER TABLE invoices DROP PRIMARY KEY;
-- A refused clause is online-ddl-unsupported's.
ALTER TABLE orders DROP PRIMARY KEY, ALGORITHM=INPLACE;
-- With foreign_key_checks off, a foreign key is added in place.
SET foreign_key_checks = 0;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
