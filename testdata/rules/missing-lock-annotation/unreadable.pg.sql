-- Parts of the declaration that cannot be read are named, one finding each.
-- expect-next: missing-lock-annotation@1 "cannot read the table name `users tabel` in the lock annotation `-- Locks: users tabel (write), orders (wrte)`", missing-lock-annotation@1 "cannot read the lock level `wrte` of `orders` in the lock annotation"
-- Locks: users tabel (write), orders (wrte)
CREATE INDEX users_email_idx ON users (email);
