-- Safe (step 1 of 2): adds a foreign key and a CHECK constraint to the
-- existing `memberships` table as NOT VALID. New and updated rows are checked
-- from now on, but existing rows are not scanned, so the locks are held only
-- for a moment. 009 validates the existing rows in a later migration.
--
-- Expected duration: under 1 minute
-- Locks: memberships (exclusive, brief), organizations (write, brief)

SET lock_timeout = '3s';

ALTER TABLE memberships
    ADD CONSTRAINT memberships_org_id_fkey
    FOREIGN KEY (org_id) REFERENCES organizations (id) NOT VALID;

ALTER TABLE memberships
    ADD CONSTRAINT memberships_role_check
    CHECK (role IN ('owner', 'admin', 'member')) NOT VALID;
