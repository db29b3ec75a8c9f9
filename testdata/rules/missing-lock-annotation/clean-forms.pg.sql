-- Locks: no locks
-- A declaration in any accepted form is enough for this rule ("no locks"
-- is lock-annotation-mismatch's business).
CREATE INDEX users_email_idx ON users (email);
