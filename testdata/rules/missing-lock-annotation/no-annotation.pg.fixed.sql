-- Adds a nickname to users.
-- Locks: users table (exclusive lock), orders table (write lock)
CREATE TABLE nickname_audit (id bigint PRIMARY KEY, nickname text);
-- expect-next: missing-lock-annotation@1 "`users` (blocks reads and writes)"
ALTER TABLE users
  ADD COLUMN nickname text;
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
