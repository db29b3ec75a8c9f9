-- The remark does not make an unreadable duration readable.
-- expect-next: missing-duration-annotation@1 "cannot read the expected duration `a while (on staging)`"
-- Expected duration: a while (on staging)
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
