-- A lock the transaction already holds is granted without waiting, and
-- LOCK TABLE ... NOWAIT never waits.
BEGIN;
LOCK TABLE users IN ACCESS EXCLUSIVE MODE NOWAIT;
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX users_nickname_idx ON users (nickname);
COMMIT;

BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text; -- expect: missing-lock-timeout@1 "same holds for 1 more statement after it"
ALTER TABLE orders ADD COLUMN memo text;
CREATE INDEX orders_a_idx ON orders (a);
CREATE INDEX orders_b_idx ON orders (b);
ALTER TABLE invoices ADD COLUMN memo text;
COMMIT;

-- Outside a transaction each statement waits again.
LOCK TABLE payments IN SHARE MODE NOWAIT;
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN memo text; -- expect: missing-lock-timeout@1 "`payments`"
