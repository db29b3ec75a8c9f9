-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB: max_statement_time (seconds) bounds every statement; 0 disables it.
-- expect-next: missing-statement-timeout@1 "with no max_statement_time set"
ALTER TABLE users MODIFY COLUMN score BIGINT NOT NULL;
SET SESSION max_statement_time = 0;
-- expect-next: missing-statement-timeout@1 "max_statement_time disabled"
ALTER TABLE orders ADD FULLTEXT INDEX orders_note_ft (note);
SET SESSION max_statement_time = 3600;
-- expect-next: missing-statement-timeout@1 "max_statement_time 1h, above the maximum of 5min"
ALTER TABLE carts MODIFY COLUMN total BIGINT NOT NULL;
