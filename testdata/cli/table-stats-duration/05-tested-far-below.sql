-- Expected duration: 20s
-- Tested on: 2M row table
-- 48,000,000 rows in the stats, 24 times the declared 2,000,000: reported at the Tested on line.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
