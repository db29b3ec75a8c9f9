-- A name that cannot be read (missing-lock-annotation reports it) may be the
-- table that seems missing: no mismatch is claimed.
-- Locks: users tabel (write)
CREATE INDEX users_email_idx ON users (email);
