-- DROP INDEX of an index this file did not create: its table is unknown, and
-- no declaration blocks reads.
-- Locks: users (write), orders (write)
DROP INDEX users_email_idx; -- expect: lock-annotation-mismatch@1 "the table of index `users_email_idx`"
