-- A down migration that re-creates a table by renaming a copy to its name
-- (the copy and rename of the up migration, reversed) brings it back, columns
-- included; renaming a table to another name does not.
-- +goose Up
CREATE TABLE t_tmp (id bigint);
INSERT INTO t_tmp SELECT id FROM t;
DROP TABLE t;
ALTER TABLE t_tmp RENAME TO t;
ALTER TABLE v DROP COLUMN legacy;
DROP TABLE u; -- expect: drop-breaks-down-migration@12 "table `u`"

-- +goose Down
CREATE TABLE t_tmp (id int);
INSERT INTO t_tmp SELECT id FROM t;
DROP TABLE t;
ALTER TABLE t_tmp RENAME TO t;
CREATE TABLE v_old (id bigint, legacy text);
DROP TABLE v;
ALTER TABLE v_old RENAME TO v;
ALTER TABLE u_archive RENAME TO u_old;
