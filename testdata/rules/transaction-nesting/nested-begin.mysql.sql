-- MySQL commits the open transaction when a new one starts: a nested START
-- TRANSACTION or BEGIN is not ignored, it ends the first transaction.
START TRANSACTION;
INSERT INTO audit_log (event) VALUES ('start');
START TRANSACTION; -- expect: transaction-nesting@1 "START TRANSACTION inside a transaction block that is already open: the server commits the open transaction implicitly"
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
COMMIT;
BEGIN;
DELETE FROM carts WHERE id = 9;
BEGIN WORK; -- expect: transaction-nesting@1 "BEGIN inside a transaction block"
COMMIT;
