-- Expected duration: 2 minutes
-- Locks: users (write)
ALTER TABLE users ADD COLUMN c INT, ALGORITHM=COPY;
