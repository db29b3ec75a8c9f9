-- ddlint-test: runner=prisma
-- Prisma sends migration.sql as one script: two statements run in one
-- implicit transaction.
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "implicit transaction"
