-- ddlint-test: pg_version=11
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded'; -- expect: enum-add-value-in-transaction@1 "before PostgreSQL 12"
ALTER TYPE order_status RENAME VALUE 'cancelled' TO 'canceled';
COMMIT;
ALTER TYPE order_status ADD VALUE 'disputed';

-- Allowed before 12 too when the enum was created in the same transaction;
-- created in an earlier one, it is not.
BEGIN;
CREATE TYPE ticket_state AS ENUM ('open', 'closed');
ALTER TYPE ticket_state ADD VALUE 'pending';
COMMIT;
BEGIN;
ALTER TYPE ticket_state ADD VALUE 'archived'; -- expect: enum-add-value-in-transaction@1
COMMIT;
