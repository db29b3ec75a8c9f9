-- A duration that cannot be read is reported at its comment.
-- expect-next: missing-duration-annotation@1 "cannot read the expected duration `a while`"
-- Expected duration: a while
-- Locks: users (exclusive)
ALTER TABLE users ADD COLUMN nickname text;
