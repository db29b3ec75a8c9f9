-- MySQL/MariaDB: LOCK=EXCLUSIVE blocks reads too, more than the `write`
-- the header declares.
-- Locks: users (write)
ALTER TABLE users ADD COLUMN c INT, ALGORITHM=COPY;
ALTER TABLE users ADD COLUMN e INT, LOCK=EXCLUSIVE; -- expect: lock-annotation-mismatch@1 "takes LOCK=EXCLUSIVE (ALGORITHM=INPLACE) on `users`, which blocks reads and writes"
