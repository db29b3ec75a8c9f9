-- Near miss: no runner, so no down migration to expect (drop-column and
-- drop-table still speak about the data).
ALTER TABLE users DROP COLUMN legacy_login;
DROP TABLE old_sessions;
