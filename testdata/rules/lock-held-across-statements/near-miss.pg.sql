-- Clean: autocommit statements, a lock taken last, weaker locks, new tables.
ALTER TABLE users ADD COLUMN nickname text;
UPDATE users SET nickname = name WHERE id < 10000;

BEGIN;
UPDATE users SET nickname = name WHERE id < 20000;
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN bio text;
RESET lock_timeout;
COMMIT;

BEGIN;
CREATE INDEX orders_created_idx ON orders (created_at);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
COMMIT;

BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);
ALTER TABLE invoices ADD COLUMN paid boolean;
INSERT INTO invoices VALUES (1, 10, false);
COMMIT;

-- Further metadata-only changes to the table already locked add nothing.
BEGIN;
ALTER TABLE users ADD COLUMN score int;
ALTER TABLE users ALTER COLUMN score SET DEFAULT 0;
COMMIT;

-- Dropped tables are gone at COMMIT; plain CREATE TABLE locks nothing.
BEGIN;
DROP TABLE legacy_sessions;
DROP TABLE legacy_tokens;
DROP SEQUENCE legacy_tokens_id_seq;
COMMIT;

BEGIN;
ALTER TABLE users ADD COLUMN team_id bigint;
CREATE TABLE teams (id bigint PRIMARY KEY, name text);
COMMIT;

-- A table locked first and dropped later in the same transaction is gone at
-- COMMIT: the lock taken by DROP CONSTRAINT costs nothing the DROP TABLE would not.
BEGIN;
ALTER TABLE sessions DROP CONSTRAINT sessions_user_fk;
DROP TABLE sessions;
DROP INDEX tokens_user_idx;
COMMIT;
