-- Of several statements of the transaction, the first that holds what the
-- VALIDATE looks for; an ADD ... NOT VALID of the constraint comes before
-- any other lock; an unqualified name matches any schema.
BEGIN;
CREATE INDEX orders_a_idx ON orders (a);
COMMIT;
BEGIN;
ALTER TABLE other.orders ADD CONSTRAINT orders_c CHECK (c > 0) NOT VALID;
CREATE INDEX orders_b_idx ON other.orders (b);
LOCK TABLE public.orders IN SHARE MODE;
CREATE INDEX orders_c_idx ON orders (c);
ALTER TABLE public.orders ADD CONSTRAINT orders_c CHECK (c > 0) NOT VALID;
ALTER TABLE public.orders ADD CONSTRAINT orders_c CHECK (c > 1) NOT VALID;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_c; -- expect: validate-in-same-transaction@27 "in the same transaction that added it NOT VALID: the ACCESS EXCLUSIVE lock the ADD took on `public.orders`"
ALTER TABLE orders VALIDATE CONSTRAINT orders_d; -- expect: validate-in-same-transaction@20 "holds ACCESS EXCLUSIVE on `orders` (taken by `ALTER TABLE other.orders ADD CONSTRAINT order...`)"
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_e; -- expect: validate-in-same-transaction@27 "holds SHARE on `public.orders` (taken by `LOCK TABLE public.orders IN SHARE MODE`)"
ALTER TABLE other.orders VALIDATE CONSTRAINT orders_c; -- expect: validate-in-same-transaction@26 "the ACCESS EXCLUSIVE lock the ADD took on `other.orders`"
ALTER TABLE third.orders VALIDATE CONSTRAINT orders_c; -- expect: validate-in-same-transaction@26 "holds SHARE on `third.orders` (taken by `CREATE INDEX orders_c_idx ON orders (c)`)"
COMMIT;
