-- ddlint-test: runner=atlas
-- Atlas runs each file in a transaction by default.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "runner opens"
