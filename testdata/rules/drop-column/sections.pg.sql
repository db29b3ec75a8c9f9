--liquibase formatted sql
-- ddlint-test: runner=liquibase
-- Each changeset is a migration run of its own: a copy renamed into the
-- dropped column's place in a later changeset does not replace it; within
-- one changeset it does, whatever statements come between.
--changeset alice:1
ALTER TABLE a ADD COLUMN x2 int;
ALTER TABLE a DROP COLUMN x; -- expect: drop-column@15 "dropping column `x` of `a` destroys its data for good"
--changeset alice:2
ALTER TABLE a RENAME COLUMN x2 TO x;
ALTER TABLE b DROP COLUMN y; -- expect: drop-column@15 "dropping column `y` of `b` and renaming `y2` into its place at line 14"
UPDATE b SET y2 = 0 WHERE y2 IS NULL;
CREATE INDEX b_y2 ON b (y2);
ALTER TABLE b RENAME COLUMN y2 TO y;
--changeset alice:3
ALTER TABLE c DROP COLUMN z; -- expect: drop-column@15 "dropping column `z` of `c` destroys its data for good"
--changeset alice:4
ALTER TABLE c DROP COLUMN w; -- expect: drop-column@15 "dropping column `w` of `c` and renaming `w2` into its place at line 20"
ALTER TABLE c RENAME COLUMN z2 TO z;
ALTER TABLE c RENAME COLUMN w2 TO w;
