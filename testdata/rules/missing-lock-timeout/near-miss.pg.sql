-- Clean: a timeout set earlier stays in effect; tables created in the file;
-- locks that block nothing.
SET lock_timeout = '3s';
ALTER TABLE users ADD COLUMN nickname text;
DROP INDEX users_old_idx;
RESET statement_timeout;
ALTER TABLE users DROP COLUMN legacy;
RESET lock_timeout;

CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);
ALTER TABLE invoices ADD COLUMN paid boolean NOT NULL DEFAULT false;
CREATE INDEX invoices_paid_idx ON invoices (paid);

-- SHARE UPDATE EXCLUSIVE and weaker block neither reads nor writes.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
ANALYZE users;
UPDATE users SET nickname = name WHERE nickname IS NULL AND id < 1000;
