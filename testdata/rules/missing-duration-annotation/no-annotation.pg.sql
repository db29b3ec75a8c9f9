-- Adds a nickname to users.
CREATE TABLE nickname_audit (id bigint PRIMARY KEY, nickname text);
CREATE INDEX nickname_audit_idx ON nickname_audit (nickname);
-- expect-next: missing-duration-annotation@1 "blocks `users`"
ALTER TABLE users
  ADD COLUMN nickname text;
ALTER TABLE orders ADD COLUMN note text;
