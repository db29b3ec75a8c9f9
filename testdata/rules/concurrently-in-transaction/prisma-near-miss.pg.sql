-- ddlint-test: runner=prisma
-- Near miss: the only statement of its migration.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
