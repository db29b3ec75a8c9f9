-- ddlint-test: runner=flyway
-- Near miss: every statement needs to run outside a transaction, so Flyway
-- runs the migration without one, each statement on its own.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
DROP INDEX CONCURRENTLY users_old_email_idx;
