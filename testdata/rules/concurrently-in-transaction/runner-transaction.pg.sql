-- ddlint-test: assume_in_transaction=true
-- The migration runner wraps the file in a transaction.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "transaction the migration runner opens"
VACUUM ANALYZE users; -- expect: concurrently-in-transaction@1
