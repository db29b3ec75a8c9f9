-- Expected duration: 20s
-- Tested on: 4.8M rows
-- Exactly 10 times the declared rows: not reported (the threshold is more than 10 times).
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
