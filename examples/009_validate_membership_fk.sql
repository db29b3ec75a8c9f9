-- Safe (step 2 of 2): validates the constraints added NOT VALID in 008.
-- VALIDATE CONSTRAINT scans `memberships` but only takes SHARE UPDATE
-- EXCLUSIVE, so reads and writes continue while it runs. It is a separate
-- migration, so it does not share a transaction with the ADD CONSTRAINT.
--
-- Expected duration: 1-3 minutes
-- Locks: none

SET lock_timeout = '3s';

ALTER TABLE memberships VALIDATE CONSTRAINT memberships_org_id_fkey;

ALTER TABLE memberships VALIDATE CONSTRAINT memberships_role_check;
