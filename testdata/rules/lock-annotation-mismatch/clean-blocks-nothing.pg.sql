-- Clean: nothing here blocks other sessions on an existing table.
-- Locks: online
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE users VALIDATE CONSTRAINT users_email_present;
VACUUM ANALYZE users;
INSERT INTO users (id, email) VALUES (1, 'a@example.com');
