-- ddlint-test: runner=goose down_migrations=strict
-- +goose Up
-- The first CREATE or rename after the drop in its section is named;
-- copies are looked for back to the start of the section, the latest first.
CREATE TABLE t_new (id int);
INSERT INTO t_new SELECT * FROM t;
INSERT INTO public.t_new SELECT * FROM other.t;
INSERT INTO t_new SELECT * FROM elsewhere;
DROP TABLE t; -- expect: drop-table@12 "dropping table `t` and renaming `t_new` into its place at line 11 replaces it: its rows were copied into `t_new` at line 7"
ALTER TABLE t RENAME TO t;
ALTER TABLE t_new RENAME TO t;
ALTER TABLE t_newer RENAME TO t;
DROP TABLE u; -- expect: drop-table@12 "dropping table `u` and creating it again at line 14"
CREATE TABLE other.u (id int);
CREATE TABLE u (id int);
DROP TABLE IF EXISTS public.v; -- expect: drop-table@22 "dropping table `public.v` (if it exists) and renaming `v2` into its place at line 17 replaces it: no INSERT ... SELECT"
ALTER TABLE v2 RENAME TO v;
DROP TABLE w; -- expect: drop-table@12 "dropping table `w` destroys its data for good"

-- +goose Down
CREATE TABLE w (id int);
DROP TABLE x; -- expect: drop-table@12 "dropping table `x` destroys its data for good"
CREATE TABLE x (id int);
