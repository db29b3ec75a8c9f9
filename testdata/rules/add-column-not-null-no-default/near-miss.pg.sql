-- Clean: a constant DEFAULT, nullable columns, self-filling columns, new tables.
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN score int DEFAULT NULL;
ALTER TABLE users ADD COLUMN tenant_id bigint;

-- Identity, generated and serial columns compute their own values (other rules
-- report the rewrite).
ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE users ADD COLUMN seq2 bigserial NOT NULL;
ALTER TABLE users ADD COLUMN name_len int NOT NULL GENERATED ALWAYS AS (length(name)) STORED;

-- A table created earlier in this file has no rows yet.
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN name text NOT NULL;
ALTER TABLE public.teams ADD COLUMN slug text NOT NULL DEFAULT NULL;

-- NOT NULL set on an existing column is a different rule (set-not-null).
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
