-- DROP INDEX without CONCURRENTLY: one finding per index, at its name.
DROP INDEX users_email_idx; -- expect: drop-index-non-concurrently@12 "`users_email_idx`"
DROP INDEX IF EXISTS public.orders_placed_idx; -- expect: drop-index-non-concurrently@22 "ACCESS EXCLUSIVE"

-- Several indexes, or CASCADE: flagged, but not fixable (CONCURRENTLY takes one
-- index and no CASCADE).
DROP INDEX
  orders_customer_idx, -- expect: drop-index-non-concurrently@3 "`orders_customer_idx`"
  orders_status_idx; -- expect: drop-index-non-concurrently@3 "`orders_status_idx`"
DROP INDEX accounts_plan_idx CASCADE; -- expect: drop-index-non-concurrently@12 "`accounts_plan_idx`"

-- An index created in this file on an existing table still locks that table.
CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);
DROP INDEX events_kind_idx; -- expect: drop-index-non-concurrently@12 "`events`"
