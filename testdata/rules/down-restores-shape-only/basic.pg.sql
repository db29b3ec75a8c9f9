-- +goose Up
ALTER TABLE users DROP COLUMN legacy_login, DROP COLUMN legacy_hash; -- expect: down-restores-shape-only@19 "drops column `legacy_login` of `users` and the `-- +goose Down` section adds it back, but nothing puts the data back"
DROP TABLE old_sessions; -- expect: down-restores-shape-only@12 "drops table `old_sessions`"
-- Not brought back at all: drop-breaks-down-migration's finding, not this one.
DROP TABLE scratch_tmp;

-- +goose Down
CREATE TABLE old_sessions (id bigint PRIMARY KEY, token text);
ALTER TABLE users ADD COLUMN legacy_login text;
