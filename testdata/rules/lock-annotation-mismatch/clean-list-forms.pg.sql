-- A name without a lock takes the lock of the next entry, quoted and
-- qualified names match, and a dash gives the whole list's lock.
-- Locks: table users, "Orders" (SHARE), app.items and invoices tables - write lock
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX orders_user_idx ON "Orders" (user_id);
CREATE INDEX items_sku_idx ON app.items (sku);
CREATE INDEX invoices_due_idx ON invoices (due_on);
