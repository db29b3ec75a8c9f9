-- A failed concurrent build leaves an INVALID index: even alone it is not atomic.
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email); -- expect: non-idempotent-ddl@1 "a failed concurrent build leaves an INVALID index behind"
