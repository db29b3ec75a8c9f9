-- Near miss: without schema_complete the history is not known to be
-- complete, and nothing is reported.
ALTER TABLE orders DROP COLUMN nickname;
UPDATE userz SET email = '' WHERE id = 1;
