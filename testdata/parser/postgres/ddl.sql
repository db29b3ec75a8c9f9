-- Every statement kind the IR models.
CREATE TABLE IF NOT EXISTS public.accounts (
  id bigserial PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  email varchar(255) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  tags text[],
  CONSTRAINT accounts_email_ck CHECK (email <> 'x')
);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE snapshot AS SELECT * FROM accounts;
ALTER TABLE ONLY accounts
  ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid(),
  DROP COLUMN legacy CASCADE,
  ALTER COLUMN email SET NOT NULL,
  ALTER COLUMN email DROP NOT NULL,
  ALTER COLUMN org_id TYPE numeric(20, 0) USING org_id::numeric,
  ALTER COLUMN email SET DEFAULT 'none',
  ALTER COLUMN email DROP DEFAULT,
  ADD CONSTRAINT accounts_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID,
  VALIDATE CONSTRAINT accounts_org_fk,
  ADD CONSTRAINT accounts_pos CHECK (id > 0) NOT VALID,
  ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_idx,
  DROP CONSTRAINT IF EXISTS old_ck,
  SET TABLESPACE fast,
  SET (fillfactor = 70, autovacuum_enabled = false);
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts USING btree (lower(email), org_id) WHERE email IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS public.old_idx;
DROP TABLE IF EXISTS a, b.c CASCADE;
DROP SCHEMA archive CASCADE;
DROP DATABASE scratch;
TRUNCATE accounts, events RESTART IDENTITY CASCADE;
ALTER TABLE accounts RENAME COLUMN email TO email_address;
ALTER TABLE accounts RENAME TO users;
ALTER INDEX accounts_email_idx RENAME TO users_email_idx;
BEGIN;
SET LOCAL lock_timeout = '2s';
SET statement_timeout TO 0;
RESET lock_timeout;
SAVEPOINT s1;
COMMIT;
UPDATE users SET email_address = lower(email_address) WHERE id < 1000;
DELETE FROM users;
INSERT INTO users (id) VALUES (1);
INSERT INTO users SELECT * FROM snapshot;
REINDEX INDEX CONCURRENTLY users_email_idx;
REINDEX TABLE users;
VACUUM (FULL, ANALYZE) users;
ANALYZE users;
CLUSTER users USING users_pkey;
REFRESH MATERIALIZED VIEW CONCURRENTLY user_stats;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok';
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
ALTER DOMAIN posint ADD CONSTRAINT posint_small CHECK (VALUE < 100) NOT VALID;
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE NOWAIT;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
CREATE DATABASE other;
ALTER TABLE accounts ADD CONSTRAINT accounts_email_nn CHECK (email IS NOT NULL) NOT VALID;
