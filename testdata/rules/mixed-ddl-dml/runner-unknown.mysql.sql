-- MySQL commits every DDL statement on its own: whatever the runner, the two
-- changes never share a transaction, so only the cost of running apart applies.
ALTER TABLE users ADD COLUMN plan VARCHAR(10);
UPDATE users SET plan = 'x' WHERE plan IS NULL; -- expect: mixed-ddl-dml@1 "which updates `users`): a failure of one leaves the other applied"
