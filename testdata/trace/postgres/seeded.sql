-- Traced by tests/pg_locks_test.sh on rules-fixture.sql; its output, with
-- the timings blanked, must be expected.txt. The UPDATE fires a trigger that
-- locks coupons, which no static model can know: one trace-mismatch.
ALTER TABLE users ADD COLUMN nickname text;
UPDATE ledger SET amount = amount + 1 WHERE id = 1;
CREATE INDEX users_nickname_idx ON users (nickname);
ALTER TABLE orders ALTER COLUMN id TYPE bigint;
DROP INDEX IF EXISTS no_such_idx;
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
