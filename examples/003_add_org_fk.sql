-- Risky: adds a foreign key and a CHECK constraint to the existing `users`
-- table in one step each. Without NOT VALID, PostgreSQL scans the whole table
-- to validate every row while holding its lock: SHARE ROW EXCLUSIVE on both
-- `users` and `organizations` for the foreign key (writes blocked), ACCESS
-- EXCLUSIVE on `users` for the CHECK (reads and writes blocked).
-- See 008 and 009 for the same kind of change done safely.

SET lock_timeout = '3s';

ALTER TABLE users
    ADD CONSTRAINT users_org_id_fkey
    FOREIGN KEY (org_id) REFERENCES organizations (id);

ALTER TABLE users
    ADD CONSTRAINT users_email_not_blank CHECK (email <> '');
