-- Schema change on an existing table, then a backfill of an existing table.
ALTER TABLE users ADD COLUMN plan text;
UPDATE users SET plan = 'free' WHERE plan IS NULL; -- expect: mixed-ddl-dml@1 "`ALTER TABLE users ADD COLUMN plan text`, which blocks reads and writes on `users`"
-- Reported once per migration.
ALTER TABLE users ALTER COLUMN plan SET NOT NULL;
DELETE FROM sessions WHERE user_id = 5;
