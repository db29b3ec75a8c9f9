-- Savepoints do not end the transaction block; COMMIT AND CHAIN and
-- ROLLBACK AND CHAIN start a new one at once.
BEGIN;
SAVEPOINT before_index;
ROLLBACK TO SAVEPOINT before_index;
CREATE INDEX CONCURRENTLY users_a_idx ON users (a); -- expect: concurrently-in-transaction@1
RELEASE SAVEPOINT before_index;
CREATE INDEX CONCURRENTLY users_b_idx ON users (b); -- expect: concurrently-in-transaction@1
COMMIT AND CHAIN;
CREATE INDEX CONCURRENTLY users_c_idx ON users (c); -- expect: concurrently-in-transaction@1
ROLLBACK AND CHAIN;
VACUUM users; -- expect: concurrently-in-transaction@1
END;
CREATE INDEX CONCURRENTLY users_d_idx ON users (d);
