-- MySQL and MariaDB drop an index only when all its columns are dropped; an
-- index that keeps a column stays, with what is left.
-- migrate:up
ALTER TABLE sessions ADD COLUMN token VARCHAR(64) NULL;
CREATE UNIQUE INDEX sessions_token_idx ON sessions (token);
CREATE INDEX sessions_token_user_idx ON sessions (user_id, token); -- expect: down-migration-incomplete@1 "creates index `sessions_token_user_idx`"

-- migrate:down
ALTER TABLE sessions DROP COLUMN token;
