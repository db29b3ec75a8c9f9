-- MySQL/MariaDB: ALTER TABLE ... FORCE rebuilds the table (in place, online,
-- but it takes as long as the table is big).
-- Locks: none
ALTER TABLE carts FORCE; -- expect: missing-duration-annotation@1
