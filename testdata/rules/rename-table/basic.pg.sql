-- Renaming existing tables.
ALTER TABLE users RENAME TO accounts; -- expect: rename-table@1 "`users` to `accounts`"
ALTER TABLE IF EXISTS public.orders RENAME TO purchases; -- expect: rename-table@1 "`public.orders`"
ALTER TABLE ONLY line_items RENAME TO order_lines; -- expect: rename-table@1

-- Reported where the statement starts.
-- expect-next: rename-table@1 "`events`"
ALTER TABLE
  events RENAME TO audit_events;

-- A table of the old name created before the rename does not keep the name working.
CREATE TABLE IF NOT EXISTS tokens_v2 (id bigint);
ALTER TABLE tokens RENAME TO tokens_v1; -- expect: rename-table@1 "`tokens`"
