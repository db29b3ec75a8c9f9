-- PostgreSQL drops an index with any column it uses: a down migration that
-- drops the column undoes the index too. An index on a column the down
-- leaves in place is still reported.
-- migrate:up
ALTER TABLE sessions ADD COLUMN token text;
CREATE UNIQUE INDEX sessions_token_idx ON sessions (token);
CREATE INDEX sessions_token_user_idx ON sessions (user_id, token);
CREATE INDEX sessions_user_idx ON sessions (user_id); -- expect: down-migration-incomplete@1 "creates index `sessions_user_idx`"

-- migrate:down
ALTER TABLE sessions DROP COLUMN token;
