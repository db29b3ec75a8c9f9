-- Expected duration: 2 min
-- Tested on: 40M rows
-- Close to the 48,000,000 rows of the stats: no finding.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
