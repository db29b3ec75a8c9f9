-- Bulk changes of existing tables with no ANALYZE of them afterwards.
UPDATE users SET plan = 'free'; -- expect: missing-analyze@1 "this UPDATE rewrites every row of `users`, and this migration does not run ANALYZE on it afterwards: the planner keeps estimating `users` from statistics of the data as it was"
DELETE FROM sessions WHERE created_at < '2020-01-01'; -- expect: missing-analyze@1 "this DELETE from `sessions` may change many rows (its WHERE filters on `created_at` but does not pick given rows)"
-- Two backfills of one table: the finding goes to the last one.
UPDATE orders SET status = 'new' WHERE status IS NULL;
UPDATE orders SET total = 0 WHERE total IS NULL; -- expect: missing-analyze@1 "may change many rows (its WHERE does not pick given rows), and this migration does not run ANALYZE on it afterwards"
-- Quoted and schema-qualified names are written back as they were.
UPDATE billing."Invoices" SET "dueAt" = now(); -- expect: missing-analyze@1 "every row of `billing.Invoices`"
-- A type change of an indexed column drops its statistics.
ALTER TABLE accounts ADD COLUMN code text;
CREATE INDEX accounts_code_idx ON accounts (code);
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(20); -- expect: missing-analyze@1 "ALTER COLUMN ... TYPE drops the planner's statistics of `code` (PostgreSQL removes them with the old type, even when the table is not rewritten), which is an indexed column of `accounts`"
