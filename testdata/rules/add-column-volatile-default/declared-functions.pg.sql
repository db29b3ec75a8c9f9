-- A function of the project's own has the volatility its CREATE FUNCTION
-- declares; none written means VOLATILE (PostgreSQL's default).
CREATE FUNCTION new_token() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE OR REPLACE FUNCTION pick_shard() RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT 1 $$;
CREATE FUNCTION default_plan() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'free' $$;
CREATE FUNCTION tenant_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT now() $$;
ALTER TABLE users ADD COLUMN token text DEFAULT new_token(); -- expect: add-column-volatile-default@49 "calls new_token(), which is volatile"
ALTER TABLE users ADD COLUMN shard int DEFAULT public.pick_shard(); -- expect: add-column-volatile-default@48 "calls pick_shard()"
-- Near misses: IMMUTABLE and STABLE functions are evaluated once.
ALTER TABLE users ADD COLUMN plan text DEFAULT default_plan();
ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT tenant_now();
-- A function never declared here stays unknown (not flagged).
ALTER TABLE users ADD COLUMN other text DEFAULT unknown_func();
-- CREATE OR REPLACE redeclares it: now STABLE.
CREATE OR REPLACE FUNCTION new_token() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'x' $$;
ALTER TABLE users ADD COLUMN token2 text DEFAULT new_token();
-- DROP FUNCTION forgets the declaration.
DROP FUNCTION pick_shard();
ALTER TABLE users ADD COLUMN shard2 int DEFAULT pick_shard();
