-- Clean: time-zone-aware timestamps, other date/time types, and timestamp outside column types.
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  placed_at timestamptz NOT NULL DEFAULT now(),
  shipped_at timestamp with time zone,
  paid_at TIMESTAMPTZ(3),
  due_on date,
  opens_at time,
  timestamp_source text
);
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;
ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamptz USING paid_at AT TIME ZONE 'UTC';
ALTER TABLE orders ALTER COLUMN due_on SET DEFAULT now()::timestamp::date;

-- A cast to timestamp in an expression is not a column type.
UPDATE orders SET shipped_at = '2024-01-01 00:00'::timestamp AT TIME ZONE 'UTC' WHERE id = 1;
CREATE TABLE daily AS SELECT placed_at::timestamp AS local_time FROM orders;

-- Temporary tables, foreign tables, and a user-defined type of the same name.
CREATE TEMPORARY TABLE scratch (at timestamp);
CREATE FOREIGN TABLE legacy_orders (placed_at timestamp) SERVER legacy;
ALTER FOREIGN TABLE legacy_orders ADD COLUMN paid_at timestamp;
CREATE TABLE typed (at app.timestamp);
