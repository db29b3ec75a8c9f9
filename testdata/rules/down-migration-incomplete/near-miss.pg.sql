-- Near miss: everything is undone, in any order; changes to a table the
-- down migration drops are covered by that drop; objects the up migration
-- drops itself are its own business.
-- migrate:up
CREATE TABLE audit_log (id bigint PRIMARY KEY, body text);
CREATE INDEX audit_log_body_idx ON audit_log (body);
ALTER TABLE audit_log ADD COLUMN at timestamptz;
ALTER TABLE users ADD COLUMN last_audit_id bigint;
CREATE INDEX users_name_idx ON users (name);
DROP INDEX users_old_idx;
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders RENAME COLUMN ref TO reference;
ALTER TABLE legacy RENAME TO archive;
CREATE TABLE tmp_copy (id bigint);
DROP TABLE tmp_copy;

-- migrate:down
ALTER TABLE archive RENAME TO legacy;
ALTER TABLE orders RENAME COLUMN reference TO ref;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
CREATE INDEX users_old_idx ON users (old);
DROP INDEX users_name_idx;
ALTER TABLE users DROP COLUMN last_audit_id;
DROP TABLE audit_log;
