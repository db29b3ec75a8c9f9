ALTER TABLE users ADD COLUMN last_audit_id bigint;
ALTER TABLE users DROP COLUMN legacy_login;
CREATE INDEX CONCURRENTLY users_last_audit_idx ON users (last_audit_id);
