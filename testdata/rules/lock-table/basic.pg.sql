-- Explicit locks on existing tables, in the default and in explicit modes.
BEGIN;
LOCK TABLE accounts; -- expect: lock-table@12 "ACCESS EXCLUSIVE lock on `accounts`"
LOCK orders IN SHARE MODE; -- expect: lock-table@6 "SHARE lock on `orders`"
LOCK TABLE ONLY public.events IN ROW EXCLUSIVE MODE NOWAIT; -- expect: lock-table@17 "ROW EXCLUSIVE lock on `public.events`"

-- Several tables: one finding per table, at its name.
LOCK TABLE
  users, -- expect: lock-table@3 "`users`"
  profiles -- expect: lock-table@3 "`profiles`"
  IN EXCLUSIVE MODE;
COMMIT;
