-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB SET STATEMENT max_statement_time = n FOR <statement> bounds that
-- statement only.
SET STATEMENT max_statement_time = 60 FOR ALTER TABLE users MODIFY COLUMN score BIGINT NOT NULL;
-- expect-next: missing-statement-timeout@1 "with no max_statement_time set"
ALTER TABLE carts MODIFY COLUMN total BIGINT NOT NULL;
SET SESSION max_statement_time = 60;
-- expect-next: missing-statement-timeout@1 "max_statement_time disabled"
SET STATEMENT max_statement_time = 0 FOR ALTER TABLE orders MODIFY COLUMN total BIGINT NOT NULL;
ALTER TABLE invoices MODIFY COLUMN total BIGINT NOT NULL;
