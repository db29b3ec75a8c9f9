-- Clean for this rule: no lock annotation at all is missing-lock-annotation's
-- finding.
-- Expected duration: 1s
ALTER TABLE users ADD COLUMN nickname text;
