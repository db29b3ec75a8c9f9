-- A migration alone never shows drift: `ddlint drift --dialect mysql`
-- compares a live database with the migrations (tests/mariadb_locks_test.sh).
ALTER TABLE users ADD COLUMN nickname VARCHAR(40), ADD INDEX users_nickname_idx (nickname);
