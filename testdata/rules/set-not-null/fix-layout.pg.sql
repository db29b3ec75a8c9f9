-- ddlint-test: pg_version=12
-- The unsafe fix on PostgreSQL 12+: a CHECK (column IS NOT NULL) added NOT
-- VALID and validated before SET NOT NULL (which then skips its scan), and
-- dropped after it. Each statement commits on its own here.
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19 "`users`.`email`"

-- Quoted and schema-qualified names, indentation, several lines.
  ALTER TABLE ONLY public."Users"
    ALTER COLUMN "Email" SET NOT NULL; -- expect: set-not-null@5 "`Email`"

-- Another statement on the same line stays after the new ones.
ALTER TABLE users ALTER name SET NOT NULL; SELECT 1; -- expect: set-not-null@19

-- No fix: another action in the same statement.
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL, ALTER COLUMN placed_at SET NOT NULL; -- expect: set-not-null@53
