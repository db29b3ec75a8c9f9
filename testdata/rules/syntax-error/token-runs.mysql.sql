-- ddlint-test: rules=syntax-error
-- MySQL forms the server rejects although every token is in its place: an
-- empty SET list or an assignment without `=`, a WHERE/HAVING/ON without a
-- condition, an operator at either end of an expression, two values with no
-- operator between them, VALUES rows without parentheses, and words after a
-- table definition that are no table option.
UPDATE t SET WHERE a = 1; -- expect: syntax-error@14 "SET needs `column = value`"
UPDATE t SET a WHERE b = 1; -- expect: syntax-error@16 "SET needs `=` after the column name"
UPDATE t SET a = 1, WHERE b = 1; -- expect: syntax-error@21 "needs another `column = value` after `,`"
UPDATE t SET a = 1 + WHERE b = 1; -- expect: syntax-error@22 "the value after `=` ends with an operator"
DELETE FROM t WHERE; -- expect: syntax-error@15 "syntax error at end of input: the WHERE condition is empty"
DELETE FROM t WHERE = 1; -- expect: syntax-error@21 "the WHERE condition starts with an operator"
DELETE FROM t WHERE a = 1 2; -- expect: syntax-error@27 "two values with no operator between them"
DELETE FROM t WHERE a = 1 AND (b = 2 OR); -- expect: syntax-error@40 "the expression in parentheses ends with an operator"
DELETE t FROM t JOIN u ON WHERE t.a = 1; -- expect: syntax-error@27 "the ON condition is empty"
INSERT INTO t VALUES 1 2 3; -- expect: syntax-error@22 "VALUES needs a parenthesised row"
INSERT INTO t VALUES (1) 2; -- expect: syntax-error@26 "expected `,` and another row"
INSERT INTO t SELECT a FROM u GROUP BY a HAVING; -- expect: syntax-error@42 "the HAVING condition is empty"
CREATE TABLE t2 (a INT) garbage words; -- expect: syntax-error@25 "`garbage` is no table option"
ALTER TABLE t ENGINE=InnoDB garbage words; -- expect: syntax-error@29 "`garbage` is no table option"
SET foreign_key_checks = 0 1; -- expect: syntax-error@28 "two values with no operator between them"
UPDATE t1 JOIN t2 ON t1.id = SET t1.a = 1; -- expect: syntax-error@30 "the ON condition ends with an operator"
