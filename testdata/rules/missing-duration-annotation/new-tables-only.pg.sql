-- Clean: every table touched is created in this file, and plain DML is not a
-- schema change.
CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
CREATE INDEX coupons_code_idx ON coupons (code);
ALTER TABLE coupons ADD COLUMN expires_at timestamptz;
ALTER TABLE coupons ADD CONSTRAINT coupons_code_upper CHECK (code = upper(code));
INSERT INTO coupons (id, code) VALUES (1, 'WELCOME');
UPDATE users SET nickname = name WHERE nickname IS NULL AND id < 1000;
