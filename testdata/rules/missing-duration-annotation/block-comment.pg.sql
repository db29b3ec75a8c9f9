/*
 * Backfill support for nicknames.
 * EXPECTED DURATION: under 1 minute
 * Locks: users (ACCESS EXCLUSIVE)
 */
ALTER TABLE users ADD COLUMN nickname text;
VACUUM users;
