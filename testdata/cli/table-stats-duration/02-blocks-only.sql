-- Only a lock on a known table, no work in proportion to its size: the message stays as it is.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
