-- Clean: adopting a concurrently built index, new tables, other constraints.
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
ALTER TABLE users ADD UNIQUE USING INDEX users_slug_idx;

CREATE TABLE invites (id bigint PRIMARY KEY, email text NOT NULL);
ALTER TABLE invites ADD CONSTRAINT invites_email_key UNIQUE (email);
ALTER TABLE public.invites ADD COLUMN token text UNIQUE;

ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;
ALTER TABLE users DROP CONSTRAINT users_old_key;
ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_unique;
ALTER TABLE users ADD COLUMN nickname text;
