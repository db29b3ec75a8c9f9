-- A concurrent index build blocks nothing but still reads the whole table.
-- Locks: none
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: missing-duration-annotation@1 "scans `users`"
