-- dbmate wraps a section in a transaction unless it says transaction:false;
-- then it sends the section as one query string, and PostgreSQL runs a
-- string of several statements as one implicit transaction.
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "implicit transaction"
CREATE INDEX CONCURRENTLY users_name_idx ON users (name); -- expect: concurrently-in-transaction@1 "implicit transaction"

-- migrate:down
DROP INDEX CONCURRENTLY users_email_idx; -- expect: concurrently-in-transaction@1 "migration runner opens"
