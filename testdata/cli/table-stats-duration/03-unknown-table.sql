-- A table the stats do not know: the message stays as it is.
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY customers_name_idx ON customers (name);
