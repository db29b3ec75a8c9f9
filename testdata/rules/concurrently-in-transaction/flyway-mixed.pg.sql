-- ddlint-test: runner=flyway
-- Flyway runs a migration without a transaction only when every statement
-- needs that; this one mixes SET (transactional) with the index, and Flyway
-- refuses it before running anything.
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "refuses a migration that mixes"
