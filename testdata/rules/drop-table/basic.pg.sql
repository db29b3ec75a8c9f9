-- Dropping existing tables.
DROP TABLE sessions; -- expect: drop-table@12 "`sessions`"
DROP TABLE IF EXISTS public.audit_2019 CASCADE; -- expect: drop-table@22 "`public.audit_2019`"

-- Several tables in one statement: one finding per existing table, at its name.
DROP TABLE
  audit_2020, -- expect: drop-table@3 "`audit_2020`"
  audit_2021; -- expect: drop-table@3 "`audit_2021`"

-- A table created in another schema is a different table.
CREATE TABLE staging.events (id bigint);
DROP TABLE archive.events; -- expect: drop-table@12 "`archive.events`"
