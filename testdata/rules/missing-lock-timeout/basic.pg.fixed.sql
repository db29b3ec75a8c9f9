-- Blocking statements on existing tables with no lock_timeout: one finding
-- per stretch under the same setting, counting the rest.
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text; -- expect: missing-lock-timeout@1 "no lock_timeout set"
CREATE INDEX users_nickname_idx ON users (nickname);
DROP TABLE old_sessions;

-- A timeout fixes it, until RESET undoes it.
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN last_seen timestamptz;
RESET lock_timeout;
-- expect-next: missing-lock-timeout@1 "2 more statements"
SET lock_timeout = '5s';
ALTER TABLE orders
  ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
LOCK TABLE orders IN SHARE MODE;
TRUNCATE audit_events;
