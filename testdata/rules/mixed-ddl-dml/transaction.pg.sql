BEGIN;
ALTER TABLE orders ADD COLUMN total numeric;
-- expect-next: mixed-ddl-dml@1 "in one transaction, the schema change's lock stays held until COMMIT"
UPDATE orders o SET total = s.total
FROM order_sums s WHERE s.order_id = o.id;
COMMIT;
