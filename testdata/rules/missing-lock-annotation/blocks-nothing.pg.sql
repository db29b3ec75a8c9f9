-- Clean: nothing here blocks other sessions on an existing table.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE users VALIDATE CONSTRAINT users_email_present;
VACUUM ANALYZE users;
CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
CREATE INDEX coupons_code_idx ON coupons (code);
ALTER TABLE coupons ADD COLUMN expires_at timestamptz;
CREATE TABLE coupon_uses (id bigint PRIMARY KEY, coupon_id bigint REFERENCES coupons (id));
INSERT INTO coupons (id, code) VALUES (1, 'WELCOME');
