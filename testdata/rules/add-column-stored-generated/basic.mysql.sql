-- The server computes a STORED (MariaDB: PERSISTENT) column while it copies the table.
ALTER TABLE orders ADD COLUMN total DECIMAL(10,2) AS (price * qty) STORED; -- expect: add-column-stored-generated@51 "`total`"
ALTER TABLE orders ADD tax DECIMAL(10,2) GENERATED ALWAYS AS (price * 0.2) PERSISTENT; -- expect: add-column-stored-generated@42 "ALGORITHM=COPY"
