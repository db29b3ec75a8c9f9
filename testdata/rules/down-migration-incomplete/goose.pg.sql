-- +goose Up
CREATE TABLE audit_log (id bigint PRIMARY KEY, body text); -- expect: down-migration-incomplete@14 "creates `audit_log`"
ALTER TABLE users ADD COLUMN last_audit_id bigint, ADD CONSTRAINT users_audit_fk FOREIGN KEY (last_audit_id) REFERENCES audit_log (id) NOT VALID; -- expect: down-migration-incomplete@19 "adds column `last_audit_id`"
CREATE INDEX users_name_idx ON users (name); -- expect: down-migration-incomplete@1 "creates index `users_name_idx`"
DROP INDEX users_old_idx; -- expect: down-migration-incomplete@12 "drops index `users_old_idx`"
ALTER TABLE orders ALTER COLUMN note TYPE text, ALTER COLUMN total SET NOT NULL; -- expect: down-migration-incomplete@20 "type of column `note`"
ALTER TABLE orders RENAME COLUMN ref TO reference; -- expect: down-migration-incomplete@1 "renames column `ref`"
ALTER TABLE legacy RENAME TO archive; -- expect: down-migration-incomplete@1 "renames `legacy`"
CREATE TYPE mood AS ENUM ('ok', 'sad'); -- expect: down-migration-incomplete@1 "creates `mood`"

-- +goose Down
-- Undoes only part of it: the constraint and the NOT NULL.
ALTER TABLE users DROP CONSTRAINT users_audit_fk;
ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;
