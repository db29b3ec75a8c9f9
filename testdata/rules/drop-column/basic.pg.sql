-- Dropping columns of existing tables.
ALTER TABLE users DROP COLUMN legacy_password_hash; -- expect: drop-column "`legacy_password_hash` of `users`"
ALTER TABLE users DROP avatar_blob; -- expect: drop-column "`avatar_blob`"
ALTER TABLE IF EXISTS public.users DROP COLUMN IF EXISTS fax CASCADE; -- expect: drop-column "`public.users`"

-- Multi-line: each DROP COLUMN action on its own line.
ALTER TABLE users
  ADD COLUMN password_digest text,
  DROP COLUMN password_md5, -- expect: drop-column "`password_md5`"
  DROP COLUMN password_salt; -- expect: drop-column "`password_salt`"

-- A table created in this file does not make other tables new.
CREATE TABLE user_settings (user_id bigint PRIMARY KEY, theme text);
ALTER TABLE accounts DROP COLUMN theme; -- expect: drop-column "`accounts`"
