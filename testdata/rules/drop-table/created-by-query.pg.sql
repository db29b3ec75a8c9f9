-- Clean: tables created earlier in this file by a query are new too.
CREATE TABLE order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
DROP TABLE order_totals;

SELECT id, email INTO TABLE email_snapshot FROM users;
DROP TABLE email_snapshot;
