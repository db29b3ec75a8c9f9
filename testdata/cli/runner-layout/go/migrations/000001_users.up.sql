CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
