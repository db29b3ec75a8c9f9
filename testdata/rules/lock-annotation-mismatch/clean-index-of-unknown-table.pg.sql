-- Clean: the index's table is unknown, and a declared table blocks reads and
-- writes, so the declaration may cover it.
-- Locks: users (exclusive)
DROP INDEX users_email_idx;
