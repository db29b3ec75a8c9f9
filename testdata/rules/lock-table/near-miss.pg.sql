-- Clean: locks on tables created earlier in this file, and statements that
-- only take their own implicit lock.
BEGIN;
CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
LOCK TABLE ledger IN EXCLUSIVE MODE;
LOCK TABLE public.ledger;
SELECT * FROM accounts FOR UPDATE;
UPDATE accounts SET plan = 'free' WHERE plan IS NULL;
COMMIT;
