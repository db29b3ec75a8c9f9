-- Near misses: the down migration restores the data from a copy; a table created by this
-- migration; and a plain file (no down-migration convention) further below is not involved.
-- migrate:up
CREATE TABLE users_legacy_login AS SELECT id, legacy_login FROM users;
ALTER TABLE users DROP COLUMN legacy_login;
CREATE TABLE audit_copy AS SELECT * FROM audit;
DROP TABLE audit;
CREATE TABLE scratch (id bigint);
ALTER TABLE scratch DROP COLUMN id;

-- migrate:down
CREATE TABLE audit (id bigint PRIMARY KEY, body text);
INSERT INTO audit SELECT * FROM audit_copy;
ALTER TABLE users ADD COLUMN legacy_login text;
UPDATE users SET legacy_login = c.legacy_login FROM users_legacy_login c WHERE c.id = users.id;
