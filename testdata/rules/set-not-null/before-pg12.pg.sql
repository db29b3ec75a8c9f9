-- ddlint-test: pg_version=11
-- Before PostgreSQL 12 a validated CHECK does not let SET NOT NULL skip the scan.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19 "`users`.`email`"
