-- ADD ... NOT VALID and VALIDATE in one transaction.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-in-same-transaction@20 "same transaction that added it NOT VALID: the ACCESS EXCLUSIVE lock"
COMMIT;

BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
SELECT 1;
ALTER TABLE public.orders
  VALIDATE CONSTRAINT orders_customer_fk; -- expect: validate-in-same-transaction@3 "SHARE ROW EXCLUSIVE lock the ADD took on `public.orders`"
COMMIT;
