-- Two downs of version 0003: neither is taken for this one.
ALTER TABLE repos DROP COLUMN owner;
