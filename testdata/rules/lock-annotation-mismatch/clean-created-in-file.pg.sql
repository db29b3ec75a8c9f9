-- Clean: tables created earlier in the same migration are not existing
-- tables; nobody uses them yet.
-- Locks: none
CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
CREATE INDEX coupons_code_idx ON coupons (code);
ALTER TABLE coupons ADD COLUMN expires_at timestamptz;
DROP INDEX coupons_code_idx;
TRUNCATE coupons;
