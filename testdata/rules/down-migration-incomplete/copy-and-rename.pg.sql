-- A table the up migration creates and renames later is there under its last
-- name. When that name was dropped before (copy and rename), the table
-- replaces the old one, and bringing the old one back is what
-- drop-breaks-down-migration asks of the down migration; otherwise the down
-- migration drops it under either name.
-- +goose Up
CREATE TABLE t_tmp (id bigint);
INSERT INTO t_tmp SELECT id FROM t;
DROP TABLE t;
ALTER TABLE t_tmp RENAME TO t;
CREATE TABLE u_tmp (id bigint); -- expect: down-migration-incomplete@14 "creates `u_tmp` (renamed to `u` later)"
ALTER TABLE u_tmp RENAME TO u;
CREATE TABLE v_tmp (id bigint);
ALTER TABLE v_tmp RENAME TO v;

-- +goose Down
DROP TABLE v;
