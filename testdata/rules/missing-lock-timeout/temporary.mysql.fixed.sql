-- DROP TEMPORARY TABLE takes no metadata lock another session waits on; the
-- table of the same name that a temporary one hid is an existing table again.
CREATE TEMPORARY TABLE users (id BIGINT);
INSERT INTO users SELECT 1;
DROP TEMPORARY TABLE IF EXISTS users;
DROP TEMPORARY TABLE IF EXISTS scratch;
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN age INT, ALGORITHM=INSTANT; -- expect: missing-lock-timeout@1 "no lock_wait_timeout set"
