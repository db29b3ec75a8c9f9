-- MySQL: a change and a rename of its table in one statement: the down
-- migration may undo the change under the new name. An index a statement
-- drops and adds again is judged by what comes after the statement: the
-- index it adds is still to be dropped, the one it dropped to be re-created.
-- migrate:up
ALTER TABLE p ADD COLUMN c int, RENAME TO q; -- expect: down-migration-incomplete@33 "renames `p` to `q`"
ALTER TABLE r DROP INDEX r_c, ADD INDEX r_c (c); -- expect: down-migration-incomplete@15 "drops index `r_c` of `r`", down-migration-incomplete@31 "adds index `r_c` to `r`"

-- migrate:down
ALTER TABLE q DROP COLUMN c;
