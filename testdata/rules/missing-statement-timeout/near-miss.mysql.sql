-- ddlint-test: mysql_version=mariadb-10.11
-- Near misses (MariaDB): a bounded statement time, statements that block nothing
-- (instant ADD COLUMN still waits for its metadata lock, which lock_wait_timeout bounds),
-- and new tables.
SET SESSION max_statement_time = 60;
ALTER TABLE users MODIFY COLUMN score BIGINT NOT NULL;
SET SESSION max_statement_time = DEFAULT;
ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL, ALGORITHM=INSTANT;
CREATE TABLE carts (id BIGINT PRIMARY KEY) ENGINE=InnoDB;
ALTER TABLE carts ADD COLUMN total BIGINT NOT NULL;
SELECT COUNT(*) FROM users;
