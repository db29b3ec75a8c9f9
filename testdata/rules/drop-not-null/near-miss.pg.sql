-- Clean: tables created earlier in this file, and other column changes.
CREATE TABLE invites (id bigint PRIMARY KEY, email text NOT NULL);
ALTER TABLE invites ALTER COLUMN email DROP NOT NULL;
ALTER TABLE public.invites ALTER COLUMN id DROP DEFAULT;

ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE users ALTER COLUMN legacy_id DROP IDENTITY IF EXISTS;
ALTER TABLE users ALTER COLUMN full_name DROP EXPRESSION;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;

-- A domain's NOT NULL is a different statement.
ALTER DOMAIN email_address DROP NOT NULL;

-- Suppressed with a reason once readers are ready.
-- ddlint-ignore drop-not-null -- every reader handles NULL since release 4.2
ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
