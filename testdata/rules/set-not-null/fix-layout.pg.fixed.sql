-- ddlint-test: pg_version=12
-- The unsafe fix on PostgreSQL 12+: a CHECK (column IS NOT NULL) added NOT
-- VALID and validated before SET NOT NULL (which then skips its scan), and
-- dropped after it. Each statement commits on its own here.
ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19 "`users`.`email`"
ALTER TABLE users DROP CONSTRAINT users_email_not_null_check;

-- Quoted and schema-qualified names, indentation, several lines.
  ALTER TABLE ONLY public."Users" ADD CONSTRAINT "Users_Email_not_null_check" CHECK ("Email" IS NOT NULL) NOT VALID;
  ALTER TABLE ONLY public."Users" VALIDATE CONSTRAINT "Users_Email_not_null_check";
  ALTER TABLE ONLY public."Users"
    ALTER COLUMN "Email" SET NOT NULL; -- expect: set-not-null@5 "`Email`"
  ALTER TABLE ONLY public."Users" DROP CONSTRAINT "Users_Email_not_null_check";

-- Another statement on the same line stays after the new ones.
ALTER TABLE users ADD CONSTRAINT users_name_not_null_check CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null_check;
ALTER TABLE users ALTER name SET NOT NULL; ALTER TABLE users DROP CONSTRAINT users_name_not_null_check; SELECT 1; -- expect: set-not-null@19

-- No fix: another action in the same statement.
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL, ALTER COLUMN placed_at SET NOT NULL; -- expect: set-not-null@53
