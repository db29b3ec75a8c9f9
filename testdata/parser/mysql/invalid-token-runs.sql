-- Statements the grammar reads as token runs but the server rejects: each is
-- one syntax error at the offending token, and nothing of it is lowered.
CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT);
UPDATE t SET WHERE a = 1;
UPDATE t WHERE a = 1;
UPDATE t SET a WHERE b = 1;
UPDATE t SET a = WHERE b = 1;
UPDATE t SET a = 1, WHERE b = 1;
UPDATE t SET a = 1 + WHERE b = 1;
UPDATE t SET a = *;
DELETE FROM t WHERE;
DELETE FROM t WHERE LIMIT 1;
DELETE FROM t WHERE a = ;
DELETE FROM t WHERE = 1;
DELETE FROM t WHERE AND;
DELETE FROM t WHERE a = 1 2;
DELETE FROM t WHERE a = 1 'x';
DELETE FROM t WHERE a = 1 AND (b = 2 OR);
DELETE FROM t WHERE a IN (1, 2,);
DELETE t FROM t JOIN u ON WHERE t.a = 1;
UPDATE t JOIN u ON SET t.a = 1;
INSERT INTO t VALUES 1 2 3;
INSERT INTO t VALUES (1) 2;
INSERT INTO t VALUES (1 2);
INSERT INTO t VALUES (1,);
INSERT INTO t VALUES (1), (2) (3);
INSERT INTO t SET a;
INSERT INTO t SET;
INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a =;
INSERT INTO t SELECT * FROM u WHERE;
INSERT INTO t SELECT a FROM u GROUP BY a HAVING;
CREATE TABLE t2 (a INT) garbage words;
CREATE TABLE t3 (a INT) ENGINE=InnoDB WITH FOO BAR;
CREATE TABLE t4 AS SELECT * FROM u WHERE ORDER BY a;
ALTER TABLE t garbage words;
-- The statements around them are still lowered.
DELETE FROM t WHERE id = 1;
