-- Clean: a statement LIMIT is a batch, as are key ranges and point selections.
UPDATE users SET plan = 'free' WHERE plan IS NULL LIMIT 10000;
DELETE FROM events WHERE created_at < NOW() - INTERVAL 90 DAY ORDER BY id LIMIT 5000;
DELETE FROM events WHERE created_at < '2024-01-01' LIMIT ?;
UPDATE users SET plan = 'free' WHERE id >= 1 AND id < 10001;
UPDATE users SET plan = 'free' WHERE id BETWEEN 1 AND 10000;
DELETE FROM sessions WHERE user_id = 42;
UPDATE users u SET u.plan = 'pro' WHERE u.email = 'a@example.com';
-- No WHERE is dml-without-where's business.
DELETE FROM sessions;
-- A table created in this file.
CREATE TABLE imports (id BIGINT PRIMARY KEY, state VARCHAR(20));
UPDATE imports SET state = 'done' WHERE state = 'new';
