CREATE TABLE users (id bigint PRIMARY KEY);
CREATE FUNCTION new_token() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN md5(random()::text); END $$;
CREATE FUNCTION default_plan() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'free' $$;
