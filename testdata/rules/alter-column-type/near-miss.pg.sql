-- Near misses: widening a known type is a catalog change; an unknown old
-- type changed to varchar/text/numeric may be a widening; a table created in
-- this file is new and empty.
ALTER TABLE users ADD COLUMN nickname varchar(20), ADD COLUMN score numeric(8,2), ADD COLUMN bio varchar(100);
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(50);
ALTER TABLE users ALTER COLUMN nickname TYPE varchar;
ALTER TABLE users ALTER COLUMN score TYPE numeric(12,2);
ALTER TABLE users ALTER COLUMN score TYPE numeric;
ALTER TABLE users ALTER COLUMN bio TYPE text;
ALTER TABLE accounts ALTER COLUMN name TYPE text;
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(64);
CREATE TABLE imports (id int, payload text);
ALTER TABLE imports ALTER COLUMN id TYPE bigint;
-- A renamed column keeps its type.
ALTER TABLE users RENAME COLUMN bio TO about;
ALTER TABLE users ALTER COLUMN about TYPE text;
