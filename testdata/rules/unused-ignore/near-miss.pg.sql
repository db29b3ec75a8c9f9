-- ddlint-test: rules=drop-column,drop-table
-- Clean: every ignore comment suppresses a real finding, squawk names work as
-- aliases, and rules that are not enabled are not second-guessed.
-- ddlint-ignore-file ban-drop-table -- squawk's name for drop-table; audit tables are being retired
DROP TABLE audit_2019;

-- ddlint-ignore drop-column -- unused since release 4.2
ALTER TABLE users DROP COLUMN legacy_password_hash;

-- ddlint-ignore ban-drop-column -- squawk's name for drop-column
ALTER TABLE users DROP COLUMN legacy_avatar;

-- ddlint-ignore DROP-COLUMN -- rule names are case-insensitive
ALTER TABLE users
  ADD COLUMN avatar_url text,
  DROP COLUMN avatar_blob;

-- ddlint-ignore
ALTER TABLE users DROP COLUMN legacy_locale;

-- set-not-null is not enabled in this run, so this cannot be judged unused.
-- ddlint-ignore set-not-null -- proven by a validated CHECK
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

DROP TABLE audit_2020;

-- A trailing ignore covers the statement on its own line.
ALTER TABLE users DROP COLUMN legacy_timezone; -- ddlint-ignore drop-column -- moved to user_settings
ALTER TABLE users
  DROP COLUMN legacy_theme; -- ddlint-ignore ban-drop-column
