-- Near miss: one statement in a transaction:false section runs on its own.
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_email_idx;
