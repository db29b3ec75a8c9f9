-- Risky: removes a column and a table that still exist in production.
-- Both are irreversible data loss, and application code that is still
-- deployed and reads `users.legacy_login` or `legacy_sessions` breaks the
-- moment this runs. Stop using them in a release first, then drop.
--
-- Expected duration: under 1 minute
-- Locks: users (exclusive, brief), legacy_sessions (exclusive)

SET lock_timeout = '3s';

ALTER TABLE users DROP COLUMN IF EXISTS legacy_login;

DROP TABLE IF EXISTS legacy_sessions;
