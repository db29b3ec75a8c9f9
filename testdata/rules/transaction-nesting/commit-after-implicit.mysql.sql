-- A COMMIT that finds no transaction because a DDL statement committed the
-- file's own does not tell that a runner's transaction is around the file:
-- the transaction the file opens after it and never commits is reported.
START TRANSACTION;
CREATE TABLE audit (id INT); -- expect: transaction-nesting@1 "commits the transaction the file's START TRANSACTION opened"
COMMIT;
START TRANSACTION; -- expect: transaction-nesting@1 "START TRANSACTION opens a transaction that the file never commits"
INSERT INTO audit VALUES (1);
