-- ddlint-test: down_file=000042_users_audit.down.go
-- Linted as 000042_users_audit.up.sql with 000042_users_audit.down.go beside it.
ALTER TABLE users DROP COLUMN legacy_login; -- expect: down-migration-unreadable@1 "is `000042_users_audit.down.go`, which is not SQL"
CREATE INDEX users_name_idx ON users (name);
