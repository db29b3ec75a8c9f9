-- Rewrites of existing tables: VACUUM FULL and CLUSTER at each table.
VACUUM FULL events; -- expect: table-rewrite@13 "VACUUM FULL rewrites `events`"
VACUUM (FULL, ANALYZE) public.audit_log, sessions; -- expect: table-rewrite@24 "`public.audit_log`", table-rewrite@42 "`sessions`"
VACUUM FULL; -- expect: table-rewrite@1 "every table"
CLUSTER orders USING orders_customer_idx; -- expect: table-rewrite@9 "CLUSTER rewrites `orders`"
CLUSTER; -- expect: table-rewrite@1 "every table clustered before"

-- ALTER TABLE: one finding per rewriting subcommand, at the subcommand.
ALTER TABLE audit_log SET TABLESPACE archive_disk; -- expect: table-rewrite@23 "to `archive_disk`"
ALTER TABLE import_rows SET LOGGED; -- expect: table-rewrite@25 "SET LOGGED rewrites `import_rows`"
ALTER TABLE cache_entries
  SET UNLOGGED, -- expect: table-rewrite@3 "SET UNLOGGED"
  SET (fillfactor = 70);
ALTER TABLE metrics SET ACCESS METHOD heap2; -- expect: table-rewrite@21 "ACCESS EXCLUSIVE"
ALTER MATERIALIZED VIEW daily_totals SET TABLESPACE archive_disk; -- expect: table-rewrite@38 "`daily_totals`"
