-- Widening is a catalog change; the old types come from 001.
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(50);
ALTER TABLE users ALTER COLUMN score TYPE numeric(8,3);
ALTER TABLE users ALTER COLUMN id TYPE bigint;
