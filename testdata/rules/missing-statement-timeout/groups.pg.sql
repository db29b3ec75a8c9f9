-- ddlint-test: runner=dbmate
-- One finding per stretch of blocking statements under the same setting: a
-- SET or RESET of statement_timeout, a transaction statement or the start of
-- the down migration begins another, even when the setting stays the same.
-- migrate:up
ALTER TABLE orders ADD COLUMN a text; -- expect: missing-statement-timeout@1 "no statement_timeout set: if it runs long (a rewrite, a scan, a slow lock wait), they stay blocked for as long as it runs; the same holds for 1 more statement after"
ALTER TABLE orders ADD COLUMN b text;
RESET statement_timeout;
ALTER TABLE orders ADD COLUMN c text; -- expect: missing-statement-timeout@1 "no statement_timeout set"
BEGIN;
ALTER TABLE orders ADD COLUMN d text; -- expect: missing-statement-timeout@1 "no statement_timeout set"
COMMIT;
SET statement_timeout = 0;
ALTER TABLE orders ADD COLUMN e text; -- expect: missing-statement-timeout@1 "disabled (`0` means no limit): if it runs long (a rewrite, a scan, a slow lock wait), they stay blocked for as long as it runs; the same holds for 2 more statements after"
-- Another setting and a statement that blocks nothing leave the stretch open.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN f text;
CREATE TABLE refunds (id bigint PRIMARY KEY);
ALTER TABLE orders ADD COLUMN g text;
SET statement_timeout = 0;
ALTER TABLE orders ADD COLUMN h text; -- expect: missing-statement-timeout@1 "disabled (`0` means no limit)"
RESET statement_timeout;
ALTER TABLE orders ADD COLUMN i text; -- expect: missing-statement-timeout@1 "no statement_timeout set"
-- migrate:down
ALTER TABLE orders DROP COLUMN i; -- expect: missing-statement-timeout@1 "no statement_timeout set: if it runs long (a rewrite, a scan, a slow lock wait), they stay blocked for as long as it runs; the same holds for 1 more statement after"
ALTER TABLE orders DROP COLUMN h;
