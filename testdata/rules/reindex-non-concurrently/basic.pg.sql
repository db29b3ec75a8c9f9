-- ddlint-test: pg_version=14
-- REINDEX without CONCURRENTLY, for every kind of target but SYSTEM.
REINDEX INDEX users_email_idx; -- expect: reindex-non-concurrently@1 "`users_email_idx`"
REINDEX TABLE public.orders; -- expect: reindex-non-concurrently@1 "blocks writes to `public.orders`"
REINDEX (VERBOSE) TABLE accounts; -- expect: reindex-non-concurrently@1 "`accounts`"
REINDEX SCHEMA billing; -- expect: reindex-non-concurrently@1 "every index"
REINDEX DATABASE app; -- expect: reindex-non-concurrently@1 "REINDEX DATABASE `app`"

-- An index created in this file on an existing table still locks that table.
CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);
REINDEX INDEX events_kind_idx; -- expect: reindex-non-concurrently@1 "`events`"

-- Multi-line: the finding starts at REINDEX.
REINDEX -- expect: reindex-non-concurrently@1 "`invoices`"
  TABLE invoices;
