-- Clean on PostgreSQL 12+: the value is not used before COMMIT, or is used
-- after it, or the statement runs outside any transaction.
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET note = 'refund pending' WHERE id = 1;
COMMIT;
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL AND id < 1000;

ALTER TYPE order_status ADD VALUE 'on_hold';
INSERT INTO order_events (status) VALUES ('on_hold');

BEGIN;
ALTER TYPE order_status RENAME VALUE 'cancelled' TO 'canceled';
UPDATE orders SET status = 'canceled' WHERE id = 2;
COMMIT;

-- The same label added to several enums is not a use of it.
BEGIN;
ALTER TYPE deployment_status ADD VALUE 'BUILDING';
ALTER TYPE project_status ADD VALUE 'BUILDING';
COMMIT;

-- An enum created in the same transaction may get values and use them.
BEGIN;
CREATE TYPE public.ticket_state AS ENUM ('open', 'closed');
ALTER TYPE ticket_state ADD VALUE 'pending';
CREATE TABLE tickets (id bigint PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'pending');
COMMIT;
