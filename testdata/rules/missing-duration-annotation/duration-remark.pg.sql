-- Clean: a remark in parentheses after the duration is not part of it.
-- Expected duration: about 1.6 min (estimated from table stats: users ~12,000,000 rows, 3.1 GB)
-- Tested on: 12,000,000 rows
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
