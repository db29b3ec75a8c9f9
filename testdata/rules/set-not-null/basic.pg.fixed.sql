-- SET NOT NULL on existing tables scans them under ACCESS EXCLUSIVE.
ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null@19 "`users`.`email`"
ALTER TABLE users DROP CONSTRAINT users_email_not_null_check;
ALTER TABLE public.users ADD CONSTRAINT users_name_not_null_check CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_name_not_null_check;
ALTER TABLE public.users ALTER name SET NOT NULL; -- expect: set-not-null@26 "`public.users`.`name`"
ALTER TABLE public.users DROP CONSTRAINT users_name_not_null_check;

-- Multi-line: each SET NOT NULL action on its own line.
ALTER TABLE orders
  ALTER COLUMN note DROP NOT NULL,
  ALTER COLUMN customer_id SET NOT NULL, -- expect: set-not-null@3 "`customer_id`"
  ALTER COLUMN placed_at SET NOT NULL; -- expect: set-not-null@3 "`placed_at`"

-- A table created in this file does not make other tables new.
CREATE TABLE invites (id bigint PRIMARY KEY, email text);
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_id_not_null_check CHECK (owner_id IS NOT NULL) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_id_not_null_check;
ALTER TABLE accounts ALTER COLUMN owner_id SET NOT NULL; -- expect: set-not-null@22 "`accounts`"
ALTER TABLE accounts DROP CONSTRAINT accounts_owner_id_not_null_check;
