-- ddlint-test: missing-statement-timeout.max_statement_timeout=1h
SET statement_timeout = '1h';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);
SET statement_timeout = '2h';
ALTER TABLE orders ADD COLUMN note text; -- expect: missing-statement-timeout@1 "2h"
