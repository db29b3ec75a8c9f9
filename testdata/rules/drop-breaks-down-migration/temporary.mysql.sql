-- DROP TEMPORARY TABLE drops only the session's own table: clean, even where
-- a table of that name exists; a plain DROP of the name is reported.
-- +goose Up
CREATE TEMPORARY TABLE users_tmp (id BIGINT);
DROP TEMPORARY TABLE IF EXISTS users_tmp;
DROP TEMPORARY TABLE IF EXISTS old_sessions;
DROP TABLE old_sessions; -- expect: drop-breaks-down-migration@12 "table `old_sessions`"
-- +goose Down
DROP TEMPORARY TABLE IF EXISTS scratch;
