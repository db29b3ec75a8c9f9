-- MySQL/MariaDB: the levels come from the InnoDB plan; a COPY allows reads
-- only (LOCK=SHARED: blocks writes). INSTANT and LOCK=NONE block nothing.
-- Expected duration: 5 minutes
-- Locks: users table (write lock), carts table (exclusive lock)
ALTER TABLE orders ADD COLUMN d INT, ALGORITHM=INSTANT;
ALTER TABLE users ADD COLUMN c INT, ALGORITHM=COPY; -- expect: missing-lock-annotation@1 "`users` (blocks writes)"
ALTER TABLE carts ADD COLUMN e INT, LOCK=EXCLUSIVE;
