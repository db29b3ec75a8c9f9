-- Risky: builds an index on the existing `users` table without CONCURRENTLY.
-- CREATE INDEX takes a SHARE lock, so every INSERT, UPDATE and DELETE on
-- `users` waits until the whole index has been built. The file also does not
-- declare how long it runs or what it blocks.

SET lock_timeout = '3s';

CREATE INDEX IF NOT EXISTS users_email_idx ON users (lower(email));
