-- The trigger or the table is dropped later in the migration: nothing stays
-- disabled, so the finding is the plain warning (it names the lock only).
ALTER TABLE orders DISABLE TRIGGER orders_audit; -- expect: disable-trigger@20 "switches off trigger `orders_audit` on `orders` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); the DROP that removes it runs in a later transaction"
DROP TRIGGER orders_audit ON orders;
ALTER TABLE legacy DISABLE TRIGGER USER; -- expect: disable-trigger@20 "every user trigger on `legacy` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); the DROP that removes them runs in a later transaction, so writes by other sessions meanwhile skip the triggers"
DROP TABLE legacy;
