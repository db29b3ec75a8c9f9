-- TRUNCATE of existing tables: one finding per table, at its name.
TRUNCATE sessions; -- expect: truncate-table@10 "`sessions`"
TRUNCATE TABLE ONLY public.audit_log RESTART IDENTITY; -- expect: truncate-table@21 "`public.audit_log`"

TRUNCATE
  customers, -- expect: truncate-table@3 "CASCADE also empties"
  orders -- expect: truncate-table@3 "`orders`"
  CASCADE;

-- A table created in another schema is a different table.
CREATE TABLE staging.events (id bigint);
TRUNCATE archive.events; -- expect: truncate-table@10 "`archive.events`"
