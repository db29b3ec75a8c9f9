-- Undoes the index and the new column, but does not bring legacy_login back.
DROP INDEX CONCURRENTLY users_last_audit_idx;
ALTER TABLE users DROP COLUMN last_audit_id;
