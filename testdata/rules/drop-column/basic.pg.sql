-- Dropping columns of existing tables.
ALTER TABLE users DROP COLUMN legacy_password_hash; -- expect: drop-column@19 "`legacy_password_hash` of `users`"
ALTER TABLE users DROP avatar_blob; -- expect: drop-column@19 "`avatar_blob`"
ALTER TABLE IF EXISTS public.users DROP COLUMN IF EXISTS fax CASCADE; -- expect: drop-column@36 "`public.users`"

-- Multi-line: each DROP COLUMN action on its own line.
ALTER TABLE users
  ADD COLUMN password_digest text,
  DROP COLUMN password_md5, -- expect: drop-column@3 "`password_md5`"
  DROP COLUMN password_salt; -- expect: drop-column@3 "`password_salt`"

-- A table created in this file does not make other tables new.
CREATE TABLE user_settings (user_id bigint PRIMARY KEY, theme text);
ALTER TABLE accounts DROP COLUMN theme; -- expect: drop-column@22 "`accounts`"
