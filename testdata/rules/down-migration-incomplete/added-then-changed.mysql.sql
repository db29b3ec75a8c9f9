-- MySQL: a column added earlier in the same migration and then changed has no
-- old definition to restore; only the ADD COLUMN is reported.
-- migrate:up
ALTER TABLE sessions ADD COLUMN nid CHAR(36) NULL; -- expect: down-migration-incomplete@22 "adds column `nid` to `sessions`"
ALTER TABLE sessions MODIFY COLUMN nid CHAR(36) NOT NULL;
ALTER TABLE sessions MODIFY COLUMN expires_at DATETIME(6) NULL; -- expect: down-migration-incomplete@47 "redefines column `expires_at`"

-- migrate:down
SELECT 1;
