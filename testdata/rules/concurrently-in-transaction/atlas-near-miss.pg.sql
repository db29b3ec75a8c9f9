-- atlas:txmode none

-- ddlint-test: runner=atlas
-- Near miss: the file turns the transaction off.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
