-- Clean: a file that commits a transaction it never began is written for a
-- runner that wraps it, and that runner commits the BEGIN left open.
DELETE FROM sessions; COMMIT TRANSACTION; BEGIN TRANSACTION;
ALTER TABLE sessions ADD COLUMN token varchar(32);
CREATE INDEX sessions_token_idx ON sessions (token);
