-- A transaction the file never commits is rolled back when the session ends.
CREATE TABLE tags (id BIGINT PRIMARY KEY);
START TRANSACTION; -- expect: transaction-nesting@1 "START TRANSACTION opens a transaction that the file never commits: when the session ends the server rolls back"
INSERT INTO tags (id) VALUES (1);
UPDATE tags SET id = 2 WHERE id = 1;
