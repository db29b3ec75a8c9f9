-- expect-next: duration-over-budget@1
-- Expected duration: 20 minutes
-- Locks: users (write)
ALTER TABLE users ADD COLUMN c INT, ALGORITHM=COPY;
