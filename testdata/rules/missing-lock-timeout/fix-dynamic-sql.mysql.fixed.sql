-- A statement run from a string (PREPARE ... FROM @v; EXECUTE): the fix puts
-- the SET before the statement that holds the string, never into it.
SET SESSION lock_wait_timeout = 5;
SET @ddl := IF(@exist > 0, 'ALTER TABLE users DROP INDEX users_email', 'SELECT 1'); -- expect: missing-lock-timeout@29 "the same holds for 1 more statement"
PREPARE stmt FROM @ddl;
EXECUTE stmt;
ALTER TABLE users ADD UNIQUE INDEX users_email (email);
