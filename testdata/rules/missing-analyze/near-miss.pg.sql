-- Clean: given rows, one LIMIT batch, new tables, bookkeeping tables, and
-- bulk changes followed by ANALYZE (of the table, or of the whole database).
UPDATE users SET plan = 'pro' WHERE id = 42;
DELETE FROM sessions WHERE session_id IN (1, 2, 3);
UPDATE jobs SET state = 'done' WHERE id IN (SELECT id FROM jobs WHERE state = 'stale' LIMIT 1000);
CREATE TABLE archive (id bigint, body text);
UPDATE archive SET body = '';
UPDATE schema_version SET version = 12;
UPDATE orders SET total = 0 WHERE total IS NULL;
ANALYZE orders;
DELETE FROM events WHERE created_at < '2020-01-01';
VACUUM (ANALYZE) public.events;
UPDATE carts SET total = 0;
ANALYZE;
UPDATE legacy SET flag = true;
DROP TABLE legacy;
-- A type change of a column not known to be indexed, a DO block without a
-- loop, and ANALYZE after a type change.
ALTER TABLE accounts ALTER COLUMN note TYPE text;
DO $$ BEGIN UPDATE settings SET value = 'x' WHERE key = 'mode'; END $$;
ALTER TABLE accounts ADD COLUMN code text;
CREATE INDEX accounts_code_idx ON accounts (code);
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(20);
ANALYZE accounts (code);
