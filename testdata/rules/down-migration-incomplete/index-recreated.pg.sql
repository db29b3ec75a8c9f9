-- An index the up migration drops and creates again under the same name
-- exists after it: the down migration need not re-create it. After a plain
-- DROP INDEX (the index was there before) the new one need not be dropped
-- either; after DROP INDEX IF EXISTS it may not have been there, so creating
-- it is still reported, as is an index dropped and not created again.
-- +goose Up
DROP INDEX IF EXISTS t_a_key;
CREATE UNIQUE INDEX t_a_key ON t (a); -- expect: down-migration-incomplete@1 "creates index `t_a_key`"
DROP INDEX t_b_key;
CREATE UNIQUE INDEX t_b_key ON t (b);
DROP INDEX t_c_key;
ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE (c); -- expect: down-migration-incomplete@15 "adds constraint `t_c_key`"
DROP INDEX t_d_key; -- expect: down-migration-incomplete@12 "drops index `t_d_key`"

-- +goose Down
SELECT 1;
