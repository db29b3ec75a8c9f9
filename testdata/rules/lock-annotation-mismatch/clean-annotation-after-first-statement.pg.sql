SET lock_timeout = '2s';
-- Clean for this rule: only comments before the first statement are
-- annotations, so this file declares no locks.
-- Locks: none
ALTER TABLE users ADD COLUMN nickname text;
