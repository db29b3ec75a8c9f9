-- One statement: it either applies or not.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
