-- DISABLE TRIGGER on existing tables: the lock, what stops being enforced,
-- and whether the migration enables the triggers again.
BEGIN;
ALTER TABLE users DISABLE TRIGGER ALL; -- expect: disable-trigger@19 "DISABLE TRIGGER switches off every trigger on `users` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); ALL includes the internal triggers that enforce foreign keys"
UPDATE users SET plan = 'free' WHERE plan IS NULL;
ALTER TABLE users ENABLE TRIGGER ALL;
COMMIT;

-- A named trigger, enabled again in a later transaction.
ALTER TABLE orders DISABLE TRIGGER orders_audit; -- expect: disable-trigger@20 "switches off trigger `orders_audit` on `orders` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); the ENABLE runs in a later transaction, so writes by other sessions meanwhile skip the trigger"
UPDATE orders SET status = 'archived' WHERE created_at < '2020-01-01';
ALTER TABLE orders ENABLE TRIGGER orders_audit;

-- Never enabled again: the graver case.
ALTER TABLE invoices DISABLE TRIGGER invoices_touch; -- expect: disable-trigger@22 "this migration never enables it again, so it stays off after it and every later write skips it"

-- USER is not enabled again by enabling one trigger by name.
ALTER TABLE payments DISABLE TRIGGER USER; -- expect: disable-trigger@22 "every user trigger on `payments`"
ALTER TABLE payments ENABLE TRIGGER payments_audit;

-- ENABLE TRIGGER USER leaves the foreign key triggers off.
ALTER TABLE refunds DISABLE TRIGGER ALL; -- expect: disable-trigger@21 "this migration never enables them again, so they stay off after it"
ALTER TABLE refunds ENABLE TRIGGER USER;

-- ENABLE REPLICA: the trigger fires only while replicated changes are applied.
ALTER TABLE shipments DISABLE TRIGGER shipments_audit; -- expect: disable-trigger@23 "never enables it again"
ALTER TABLE shipments ENABLE REPLICA TRIGGER shipments_audit;

-- Two subcommands, one enabled again.
ALTER TABLE items DISABLE TRIGGER items_a, DISABLE TRIGGER items_b; -- expect: disable-trigger@19 "trigger `items_a`", disable-trigger@44 "trigger `items_b` on `items` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); this migration never enables it again"
ALTER TABLE public.items ENABLE TRIGGER items_a;

-- A table created in this migration: nobody waits for the lock, but ALL
-- still leaves foreign keys unchecked for the rows loaded meanwhile.
CREATE TABLE staging (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
ALTER TABLE staging DISABLE TRIGGER ALL; -- expect: disable-trigger@21 "DISABLE TRIGGER switches off every trigger on `staging`; ALL includes"
INSERT INTO staging SELECT id, id FROM users;
ALTER TABLE staging ENABLE TRIGGER ALL;
CREATE TABLE scratch (id bigint);
ALTER TABLE scratch DISABLE TRIGGER scratch_touch; -- expect: disable-trigger@21 "switches off trigger `scratch_touch` on `scratch`; this migration never enables it again"
