-- Clean: tables created earlier in this file, and other column changes.
CREATE TABLE invites (id bigint PRIMARY KEY, email text, token text);
ALTER TABLE invites ALTER COLUMN email SET NOT NULL;
ALTER TABLE public.invites ALTER token SET NOT NULL;

ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
