-- The tables, types and objects the PostgreSQL rule examples (rules.d/*.md,
-- ```sql incorrect) act on, so that `ddlint trace` can run each example on a
-- real server (tests/pg_locks_test.sh). Examples that create one of these
-- objects again are listed in examples-known.txt.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE DOMAIN email_address AS text;
CREATE TABLE customers (id bigint PRIMARY KEY, name text);
CREATE TABLE coupons (id bigint PRIMARY KEY);
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text,
  name text,
  plan text,
  newsletter boolean,
  first_name text,
  last_name text,
  legacy_login text,
  legacy_flag boolean,
  legacy_password_hash text,
  password_md5 text
);
CREATE INDEX users_email_idx ON users (email);
CREATE FUNCTION audit_users() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit_users();
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id bigint,
  user_id bigint,
  total numeric,
  status order_status,
  state text,
  placed_at timestamptz,
  created_at timestamptz,
  shipped_at timestamptz NOT NULL,
  carrier text NOT NULL,
  refunded_at timestamptz
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE events (id bigint, tenant_id bigint, created_at timestamptz);
CREATE TABLE accounts (id bigint PRIMARY KEY, email text, plan text);
CREATE TABLE sessions (id bigint PRIMARY KEY, user_id bigint, expires_at timestamptz);
CREATE TABLE old_sessions (id bigint);
CREATE TABLE bookings (room_id int, during tstzrange);
CREATE TABLE measurements (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE measurements_2019 PARTITION OF measurements FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE measurements_y2024 (id bigint, at date);
CREATE UNLOGGED TABLE import_rows (id bigint, line text);
CREATE MATERIALIZED VIEW daily_revenue AS SELECT created_at::date AS day, count(*) AS n FROM orders GROUP BY 1;
INSERT INTO customers VALUES (1, 'Ada');
INSERT INTO users (id, email, name, plan) VALUES (1, 'ada@example.com', 'Ada', NULL), (2, 'bob@example.com', 'Bob', 'pro');
INSERT INTO orders (id, customer_id, user_id, total, state, shipped_at, carrier)
  VALUES (1, 1, 1, 10, 'done', now(), 'post'), (2, 1, 2, 20, 'open', now(), 'post');
-- Not in any example: an UPDATE of ledger fires a trigger that locks coupons
-- in SHARE mode, which the lock model cannot know (seeded.sql's mismatch).
CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
INSERT INTO ledger VALUES (1, 100), (2, 250);
CREATE FUNCTION ledger_lock_coupons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE coupons IN SHARE MODE;
  RETURN NEW;
END$$;
CREATE TRIGGER ledger_lock_coupons BEFORE UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_lock_coupons();
