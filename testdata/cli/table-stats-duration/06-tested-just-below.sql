-- Expected duration: 20s
-- Tested on: 4,700,000 rows
-- Just over 10 times the declared rows (48,000,000 > 47,000,000): reported.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
