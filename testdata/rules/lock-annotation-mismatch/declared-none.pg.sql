-- Expected duration: 1s
-- Locks: none
CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
DROP TABLE legacy_coupons; -- expect: lock-annotation-mismatch@1 "says the migration blocks nothing"
