-- Expected duration: 2s
-- Tested on: 1k rows
-- customers is not in the stats, events has no row figure: no finding.
SET lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
ALTER TABLE events ALTER COLUMN at SET NOT NULL;
