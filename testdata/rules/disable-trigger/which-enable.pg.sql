-- ddlint-test: rules=disable-trigger
-- The ENABLE that ends a disabled state names the same table (a schema
-- written on both must be the same) and, for a named trigger, the same
-- trigger or ALL or USER; one earlier in the same ALTER TABLE does not count.
ALTER TABLE sales.orders DISABLE TRIGGER orders_audit; -- expect: disable-trigger@26 "never enables it again"
ALTER TABLE archive.orders ENABLE TRIGGER orders_audit;
ALTER TABLE orders_archive ENABLE TRIGGER orders_audit;
ALTER TABLE sales.orders ENABLE TRIGGER orders_touch;
ALTER TABLE accounts DISABLE TRIGGER accounts_audit; -- expect: disable-trigger@22 "trigger `accounts_audit` on `accounts` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); the ENABLE runs in a later transaction"
ALTER TABLE accounts ENABLE TRIGGER accounts_touch;
ALTER TABLE public.accounts ENABLE TRIGGER USER;
ALTER TABLE invoices ENABLE TRIGGER invoices_audit, DISABLE TRIGGER invoices_audit; -- expect: disable-trigger@53 "never enables it again"
ALTER TABLE ledger DISABLE TRIGGER ledger_audit; -- expect: disable-trigger@20 "the DROP that removes it runs in a later transaction"
DROP TRIGGER ledger_touch ON ledger;
DROP TRIGGER ledger_audit ON archive.ledger_old;
DROP TABLE archive.ledger;
