-- table_stats: size-dependent findings on known tables.
SET lock_timeout = '2s';
-- Large (12,000,000 rows): raised, with the size and a rewrite estimate at 40 MB/s.
ALTER TABLE orders ALTER COLUMN total TYPE numeric(20, 2);
-- Large: a warning becomes an error; a scan estimate.
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
-- Below large_table_rows (250,000 rows): the size and estimate, the severity unchanged.
ALTER TABLE billing.invoices ALTER COLUMN note SET NOT NULL;
-- Below safe_below_rows (250 rows): suppressed.
CREATE INDEX countries_name_idx ON countries (name);
-- No row figure in the file: unchanged.
CREATE INDEX events_at_idx ON events (at);
-- Unknown table: unchanged.
CREATE INDEX customers_name_idx ON customers (name);
-- Unqualified `logins` is public.logins, which the file does not have (audit.logins is another table): unchanged.
UPDATE logins SET seen = true;
-- Qualified: audit.logins (5,000,000 rows): raised, no estimate for a change of every row.
UPDATE audit.logins SET seen = true;
-- Not size-dependent: drop-index-non-concurrently stays as it is.
DROP INDEX orders_total_idx;
