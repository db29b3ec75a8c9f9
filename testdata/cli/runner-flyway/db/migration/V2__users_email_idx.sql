-- Flyway refuses this migration: SET runs in a transaction, the index cannot.
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
