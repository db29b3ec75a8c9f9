-- Names in different schemas are different tables.
-- Locks: billing.invoices (exclusive), users (exclusive)
ALTER TABLE app.invoices ADD COLUMN due_on date; -- expect: lock-annotation-mismatch@1 "does not name `app.invoices`"
ALTER TABLE app.users ADD COLUMN nickname text;
