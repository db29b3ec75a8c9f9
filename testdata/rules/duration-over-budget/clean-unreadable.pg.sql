-- Clean for this rule: an unreadable duration is missing-duration-annotation's
-- finding.
-- Expected duration: a long while
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
