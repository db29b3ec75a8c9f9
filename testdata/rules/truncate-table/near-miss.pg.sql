-- Clean: tables created earlier in this file, and bounded deletes.
CREATE TABLE import_rows (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO import_rows SELECT id, payload FROM staging;
TRUNCATE import_rows;

CREATE TABLE tmp_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
TRUNCATE TABLE public.tmp_totals;

DELETE FROM sessions WHERE expires_at < now() - interval '30 days';
