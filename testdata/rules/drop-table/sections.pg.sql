--liquibase formatted sql
-- ddlint-test: runner=liquibase
-- Each changeset is a migration run of its own: a copy made in an earlier
-- changeset, or a CREATE or rename in a later one, is not the drop's.
--changeset alice:1
CREATE TABLE t_new (id int);
INSERT INTO t_new SELECT * FROM t;
--changeset alice:2
INSERT INTO t_new SELECT * FROM u;
DROP TABLE t; -- expect: drop-table@12 "dropping table `t` and renaming `t_new` into its place at line 12 replaces it: no INSERT ... SELECT from it into `t_new` comes before the drop"
INSERT INTO t_new SELECT * FROM t;
ALTER TABLE t_new RENAME TO t;
DROP TABLE u; -- expect: drop-table@12 "dropping table `u` destroys its data for good"
--changeset alice:3
CREATE TABLE u (id int);
INSERT INTO x2 SELECT * FROM x;
INSERT INTO x2 SELECT * FROM x, w;
-- A CREATE wins over an earlier rename; the latest copy before the drop is
-- named.
DROP TABLE w; -- expect: drop-table@12 "dropping table `w` and creating it again at line 22"
ALTER TABLE w2 RENAME TO w;
CREATE TABLE w (id int);
DROP TABLE x; -- expect: drop-table@12 "dropping table `x` and renaming `x2` into its place at line 24 replaces it: its rows were copied into `x2` at line 17"
ALTER TABLE x2 RENAME TO x;
