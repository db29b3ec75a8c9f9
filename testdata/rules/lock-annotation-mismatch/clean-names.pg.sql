-- Clean: names match case-insensitively, quoted or not, and an unqualified
-- name on either side matches any schema; an entry without a level counts as
-- exclusive.
-- Locks: USERS (Exclusive), "Orders", public.invoices (exclusive), app.refunds (write)
ALTER TABLE "users" ADD COLUMN nickname text;
ALTER TABLE "Orders" ADD COLUMN note text;
ALTER TABLE invoices ADD COLUMN due_on date;
CREATE INDEX refunds_amount_idx ON refunds (amount);
