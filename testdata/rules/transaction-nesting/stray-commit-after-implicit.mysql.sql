-- A DDL statement's implicit commit before the file's own COMMIT does not
-- count for a later COMMIT that finds no transaction: that one tells that a
-- runner's transaction is around the file, which commits what the file
-- leaves open (not reported).
START TRANSACTION;
CREATE TABLE audit (id INT); -- expect: transaction-nesting@1 "commits the transaction the file's START TRANSACTION opened"
COMMIT;
COMMIT;
START TRANSACTION;
INSERT INTO audit VALUES (1);
