-- A column added earlier in the same migration and then changed has no old
-- type or nullability to restore: only the ADD COLUMN, which the down
-- migration leaves in place, is reported.
-- migrate:up
ALTER TABLE sessions ADD COLUMN nid uuid; -- expect: down-migration-incomplete@22 "adds column `nid` to `sessions`"
ALTER TABLE sessions ALTER COLUMN nid TYPE uuid;
ALTER TABLE sessions ALTER COLUMN nid SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN expires_at TYPE timestamptz; -- expect: down-migration-incomplete@22 "changes the type of column `expires_at`"

-- migrate:down
SELECT 1;
