-- The index goes first, then its table: the table's own DROP takes the same
-- lock and the table goes (no drop-index-non-concurrently).
DROP INDEX users_email_idx;
DROP TABLE users;
