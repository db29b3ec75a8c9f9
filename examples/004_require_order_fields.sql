-- Risky: makes columns of the existing `orders` table required.
-- ADD COLUMN ... NOT NULL without a DEFAULT fails as soon as `orders` has a
-- row, and INSERTs from application code that does not know the column yet
-- start failing. SET NOT NULL scans the whole table under ACCESS EXCLUSIVE.
-- The migration is annotated: declaring the cost does not make it safe.
--
-- Expected duration: 1-2 minutes
-- Locks: orders (exclusive)
-- Tested on: 2M row table

SET lock_timeout = '3s';

ALTER TABLE orders ADD COLUMN currency text NOT NULL;

ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
