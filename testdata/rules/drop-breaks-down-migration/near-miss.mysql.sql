-- Near misses (MySQL): a plain file has no down-migration convention; a temporary table.
ALTER TABLE users DROP COLUMN nickname;
DROP TEMPORARY TABLE IF EXISTS scratch;
