-- ddlint-test: pg_version=15
-- A CHECK only proves NOT NULL while it is validated, not dropped, and tests
-- exactly this column of this table.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19 "`email`"
ALTER TABLE users DROP CONSTRAINT users_email_not_null_check;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19 "`email`"
ALTER TABLE users DROP CONSTRAINT users_email_not_null_check;

ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL);
ALTER TABLE users ADD CONSTRAINT users_nickname_not_null_check CHECK (nickname IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_nickname_not_null_check;
ALTER TABLE users ALTER COLUMN nickname SET NOT NULL; -- expect: set-not-null@19 "`nickname`"
ALTER TABLE users DROP CONSTRAINT users_nickname_not_null_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_name_not_null_check CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_name_not_null_check;
ALTER TABLE accounts ALTER COLUMN name SET NOT NULL; -- expect: set-not-null@22 "`accounts`"
ALTER TABLE accounts DROP CONSTRAINT accounts_name_not_null_check;

ALTER TABLE users ADD CONSTRAINT users_locale_set CHECK (locale IS NOT NULL AND locale <> '');
ALTER TABLE users ADD CONSTRAINT users_locale_not_null_check CHECK (locale IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_locale_not_null_check;
ALTER TABLE users ALTER COLUMN locale SET NOT NULL; -- expect: set-not-null@19 "`locale`"
ALTER TABLE users DROP CONSTRAINT users_locale_not_null_check;
