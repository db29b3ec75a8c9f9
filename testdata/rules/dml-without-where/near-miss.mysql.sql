-- Clean: a WHERE, a statement LIMIT (a bounded batch), or a table created in this file.
UPDATE users SET newsletter = 0 WHERE id = 42;
DELETE FROM sessions WHERE expires_at < NOW();
DELETE FROM sessions LIMIT 1000;
UPDATE users SET flag = 1 ORDER BY id LIMIT 500;
CREATE TABLE imports (id BIGINT PRIMARY KEY, state VARCHAR(20));
UPDATE imports SET state = 'new';
DELETE FROM imports;
-- A LIMIT inside a subquery does not bound the statement, but it has a WHERE.
UPDATE accounts SET owner = (SELECT id FROM owners LIMIT 1) WHERE id = 7;
-- Migration bookkeeping: the version row set to constants.
UPDATE jiveVersion SET version = 21;
UPDATE `app_version` SET major = -2, label = 'two', stable = TRUE;
