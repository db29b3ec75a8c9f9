-- Refreshing existing materialized views without CONCURRENTLY.
REFRESH MATERIALIZED VIEW daily_revenue; -- expect: refresh-matview-non-concurrently@1 "`daily_revenue`"
REFRESH MATERIALIZED VIEW reporting.user_stats WITH DATA; -- expect: refresh-matview-non-concurrently@1 "ACCESS EXCLUSIVE lock on `reporting.user_stats`"

-- Multi-line: the finding starts at REFRESH.
REFRESH -- expect: refresh-matview-non-concurrently@1 "`order_totals`"
  MATERIALIZED VIEW order_totals;

-- A materialized view created in another schema is a different view.
CREATE MATERIALIZED VIEW staging.weekly_totals AS SELECT 1 AS one;
REFRESH MATERIALIZED VIEW archive.weekly_totals; -- expect: refresh-matview-non-concurrently@1 "`archive.weekly_totals`"
