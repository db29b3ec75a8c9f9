-- Only statements that cannot run in a transaction: Flyway runs them without one.
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
CREATE INDEX CONCURRENTLY users_lower_email_idx ON users (lower(email));
