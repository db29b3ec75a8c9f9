-- +goose Up
ALTER TABLE users DROP COLUMN legacy_login, DROP legacy_hash; -- expect: drop-breaks-down-migration@19 "column `legacy_login` of `users`"
-- expect-next: drop-breaks-down-migration@12 "table `old_sessions`"
DROP TABLE old_sessions,
  scratch_tmp;
CREATE TABLE scratch_new (id BIGINT) ENGINE=InnoDB;
DROP TABLE scratch_new;

-- +goose Down
-- Brings back one column, and re-creates scratch_tmp only.
ALTER TABLE users ADD COLUMN legacy_hash VARCHAR(255) NULL;
CREATE TABLE scratch_tmp (id BIGINT) ENGINE=InnoDB;
