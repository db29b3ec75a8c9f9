-- Clean: VIRTUAL columns (the default), plain columns, a new table.
ALTER TABLE orders ADD COLUMN total DECIMAL(10,2) AS (price * qty) VIRTUAL;
ALTER TABLE orders ADD COLUMN tax DECIMAL(10,2) GENERATED ALWAYS AS (price * 0.2);
ALTER TABLE orders ADD COLUMN note VARCHAR(20);
CREATE TABLE lines (price INT, qty INT);
ALTER TABLE lines ADD COLUMN total INT AS (price * qty) STORED;
