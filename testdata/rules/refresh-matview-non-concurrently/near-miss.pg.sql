-- Clean: concurrent refreshes, and views created earlier in this file.
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_revenue;
REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.user_stats WITH DATA;

CREATE MATERIALIZED VIEW monthly_revenue AS
  SELECT date_trunc('month', paid_at) AS month, sum(amount) AS total FROM payments GROUP BY 1
  WITH NO DATA;
REFRESH MATERIALIZED VIEW monthly_revenue;

CREATE MATERIALIZED VIEW IF NOT EXISTS reporting.top_customers AS SELECT customer_id FROM orders;
REFRESH MATERIALIZED VIEW reporting.top_customers;
