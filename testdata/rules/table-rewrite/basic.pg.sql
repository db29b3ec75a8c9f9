-- Rewrites of existing tables: VACUUM FULL and CLUSTER at each table.
VACUUM FULL events; -- expect: table-rewrite "VACUUM FULL rewrites `events`"
VACUUM (FULL, ANALYZE) public.audit_log, sessions; -- expect: table-rewrite "`public.audit_log`", table-rewrite "`sessions`"
VACUUM FULL; -- expect: table-rewrite "every table"
CLUSTER orders USING orders_customer_idx; -- expect: table-rewrite "CLUSTER rewrites `orders`"
CLUSTER; -- expect: table-rewrite "every table clustered before"

-- ALTER TABLE: one finding per rewriting subcommand, at the subcommand.
ALTER TABLE audit_log SET TABLESPACE archive_disk; -- expect: table-rewrite "to `archive_disk`"
ALTER TABLE import_rows SET LOGGED; -- expect: table-rewrite "SET LOGGED rewrites `import_rows`"
ALTER TABLE cache_entries
  SET UNLOGGED, -- expect: table-rewrite "SET UNLOGGED"
  SET (fillfactor = 70);
ALTER TABLE metrics SET ACCESS METHOD heap2; -- expect: table-rewrite "ACCESS EXCLUSIVE"
ALTER MATERIALIZED VIEW daily_totals SET TABLESPACE archive_disk; -- expect: table-rewrite "`daily_totals`"
