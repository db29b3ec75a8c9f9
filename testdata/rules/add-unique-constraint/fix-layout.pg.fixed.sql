-- The unsafe fix (outside a transaction only): build the index with CREATE
-- UNIQUE INDEX CONCURRENTLY first, then adopt it with ADD CONSTRAINT ... USING
-- INDEX.
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key; -- expect: add-unique-constraint@19 "`users_email_key`"

-- Unnamed: named as PostgreSQL would name it (table_columns_key); quoted and
-- schema-qualified names are copied as written.
CREATE UNIQUE INDEX CONCURRENTLY "Users_tenant_id_Email_key" ON public."Users" (tenant_id, "Email");
ALTER TABLE public."Users" ADD CONSTRAINT "Users_tenant_id_Email_key" UNIQUE USING INDEX "Users_tenant_id_Email_key"; -- expect: add-unique-constraint@28

-- Over several lines, indented.
  CREATE UNIQUE INDEX CONCURRENTLY "Orders_Ref" ON orders (ref);
  ALTER TABLE orders
    ADD CONSTRAINT "Orders_Ref" UNIQUE USING INDEX "Orders_Ref"; -- expect: add-unique-constraint@5

-- No fix: clauses CREATE INDEX would have to restate, ONLY, IF EXISTS,
-- another action, an inline UNIQUE.
ALTER TABLE users ADD CONSTRAINT users_slug_key UNIQUE NULLS NOT DISTINCT (slug); -- expect: add-unique-constraint@19
ALTER TABLE users ADD CONSTRAINT users_code_key UNIQUE (code) INCLUDE (name); -- expect: add-unique-constraint@19
ALTER TABLE users ADD CONSTRAINT users_nick_key UNIQUE (nick) DEFERRABLE; -- expect: add-unique-constraint@19
ALTER TABLE ONLY users ADD CONSTRAINT users_handle_key UNIQUE (handle); -- expect: add-unique-constraint@24
ALTER TABLE IF EXISTS users ADD CONSTRAINT users_phone_key UNIQUE (phone); -- expect: add-unique-constraint@29
ALTER TABLE users ADD COLUMN ssn text, ADD CONSTRAINT users_ssn_key UNIQUE (ssn); -- expect: add-unique-constraint@40
ALTER TABLE users ADD COLUMN external_id text UNIQUE; -- expect: add-unique-constraint@47
