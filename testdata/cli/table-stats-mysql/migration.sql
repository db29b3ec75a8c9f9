-- table_stats on MySQL: unqualified names are the tables of the file's database.
SET SESSION lock_wait_timeout = 2;
-- 3,000,000 rows: the table copy is raised (it is an error already) and estimated.
ALTER TABLE orders MODIFY COLUMN total DECIMAL(20, 2) NOT NULL, ALGORITHM=COPY;
-- 40 rows: stays as it is (safe_below_rows is off without a config).
ALTER TABLE tags MODIFY COLUMN name VARCHAR(500) NOT NULL, ALGORITHM=COPY;
-- Another database: unknown.
ALTER TABLE archive.orders MODIFY COLUMN total DECIMAL(20, 2) NOT NULL, ALGORITHM=COPY;
