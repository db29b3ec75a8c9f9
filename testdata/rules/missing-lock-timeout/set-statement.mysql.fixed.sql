-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB SET STATEMENT lock_wait_timeout = n FOR <statement>: the statement is
-- linted as written alone, and the timeout bounds it and nothing after it.
SET STATEMENT lock_wait_timeout = 2 FOR ALTER TABLE users ADD COLUMN nickname VARCHAR(50);
SET STATEMENT max_statement_time = 60, lock_wait_timeout = 3 FOR
  CREATE INDEX idx_users_name ON users (name);
-- Another setting is no bound: the statement after the next one is reported with this one.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN bio TEXT; -- expect: missing-lock-timeout@1 "no lock_wait_timeout set: while a long-running transaction holds the table, this statement waits and all later reads and writes on `users` queue behind it, for as long as it waits; the same holds for 1 more statement"
SET STATEMENT sql_mode = '' FOR ALTER TABLE orders ADD COLUMN note TEXT;
-- A timeout above the maximum is no bound either.
SET STATEMENT lock_wait_timeout = 60 FOR DROP TABLE old_sessions; -- expect: missing-lock-timeout@1 "lock_wait_timeout 1min, above the maximum of 5s"
