-- Near miss (MySQL): everything is undone, in any order; a MODIFY that restates the old
-- definition reverts the type change; changes to a table the down migration drops are
-- covered by that drop; changes to a table the up migration creates are covered by its DROP.
-- migrate:up
CREATE TABLE audit_log (id BIGINT PRIMARY KEY, body TEXT) ENGINE=InnoDB;
ALTER TABLE audit_log ADD COLUMN at DATETIME NULL;
ALTER TABLE users ADD COLUMN last_audit_id BIGINT NULL, ADD INDEX users_audit_idx (last_audit_id);
CREATE INDEX users_name_idx ON users (name);
DROP INDEX users_old_idx ON users;
ALTER TABLE orders MODIFY COLUMN total BIGINT NOT NULL;
ALTER TABLE orders CHANGE ref reference VARCHAR(40) NULL;
RENAME TABLE legacy TO archive;
ALTER TABLE audit_log MODIFY COLUMN body TEXT;

-- migrate:down
RENAME TABLE archive TO legacy;
ALTER TABLE orders CHANGE reference ref VARCHAR(40) NULL;
ALTER TABLE orders MODIFY COLUMN total INT NULL;
CREATE INDEX users_old_idx ON users (old);
ALTER TABLE users DROP INDEX users_name_idx;
ALTER TABLE users DROP INDEX users_audit_idx, DROP COLUMN last_audit_id;
DROP TABLE audit_log;
