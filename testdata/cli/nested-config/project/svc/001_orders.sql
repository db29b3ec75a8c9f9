ALTER TABLE orders DROP COLUMN legacy;
DROP TABLE order_notes;
