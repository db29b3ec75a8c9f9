-- A column replaced by a copy (MySQL): CHANGE gives the copy the old name,
-- in a later statement or later in the same one.
ALTER TABLE job ADD due_tmp DATETIME(3) NULL;
UPDATE job SET due_tmp = due WHERE id > 0;
ALTER TABLE job DROP COLUMN due; -- expect: drop-column@17 "dropping column `due` of `job` and renaming `due_tmp` into its place at line 6 replaces it"
ALTER TABLE job CHANGE due_tmp due DATETIME(3) NULL;
ALTER TABLE job DROP COLUMN note, CHANGE note_v2 note TEXT; -- expect: drop-column@17 "dropping column `note` of `job` and renaming `note_v2` into its place at line 7"
-- Near miss: the rename comes before the drop: the plain message.
ALTER TABLE job CHANGE owner_v2 owner_new INT;
ALTER TABLE job DROP COLUMN owner; -- expect: drop-column@17 "dropping column `owner` of `job` destroys its data for good"
