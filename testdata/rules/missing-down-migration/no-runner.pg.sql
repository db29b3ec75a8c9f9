-- Near miss: a plain SQL file has no down-migration convention to check.
ALTER TABLE users ADD COLUMN nickname text;
