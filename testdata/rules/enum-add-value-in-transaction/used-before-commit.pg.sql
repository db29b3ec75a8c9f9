-- From PostgreSQL 12: only a use of the new value before COMMIT fails.
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded'; -- expect: enum-add-value-in-transaction@1 "`UPDATE orders SET status = 'refunded' WHERE r...`"
ALTER TYPE order_status ADD VALUE 'on_hold'; -- expect: enum-add-value-in-transaction@1 "'on_hold'"
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL AND id < 1000;
INSERT INTO order_events (status) VALUES ('on_hold'::order_status);
COMMIT;

BEGIN;
ALTER TYPE mood ADD VALUE 'it''s fine'; -- expect: enum-add-value-in-transaction@1
SELECT count(*) FROM people WHERE current_mood = 'it''s fine';
COMMIT;
