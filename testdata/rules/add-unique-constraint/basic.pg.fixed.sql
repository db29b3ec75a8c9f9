-- UNIQUE constraints added to existing tables build their index under ACCESS EXCLUSIVE.
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key; -- expect: add-unique-constraint@19 "`users_email_key`"
CREATE UNIQUE INDEX CONCURRENTLY users_tenant_id_email_key ON public.users (tenant_id, email);
ALTER TABLE public.users ADD CONSTRAINT users_tenant_id_email_key UNIQUE USING INDEX users_tenant_id_email_key; -- expect: add-unique-constraint@26 "(tenant_id, email) to `public.users`"
ALTER TABLE users ADD CONSTRAINT users_slug_key UNIQUE NULLS NOT DISTINCT (slug) DEFERRABLE; -- expect: add-unique-constraint@19

-- Inline UNIQUE in ADD COLUMN, reported at the constraint.
ALTER TABLE users ADD COLUMN external_id text UNIQUE; -- expect: add-unique-constraint@47 "`external_id`"
ALTER TABLE users ADD COLUMN code text NOT NULL DEFAULT 'x' CONSTRAINT users_code_key UNIQUE; -- expect: add-unique-constraint@61

-- One finding per constraint.
ALTER TABLE orders
  ADD COLUMN number text,
  ADD CONSTRAINT orders_number_key UNIQUE (number), -- expect: add-unique-constraint@3 "`orders_number_key`"
  ADD CONSTRAINT orders_ref_key -- expect: add-unique-constraint@3 "`orders_ref_key`"
    UNIQUE (ref);
