-- Near misses: widening a known type is a catalog change; a table created in
-- this file is new and empty. (An unknown old type changed to varchar, text
-- or numeric is a conditional finding: unknown-old-type.pg.sql.)
ALTER TABLE users ADD COLUMN nickname varchar(20), ADD COLUMN score numeric(8,2), ADD COLUMN bio varchar(100);
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(50);
ALTER TABLE users ALTER COLUMN nickname TYPE varchar;
ALTER TABLE users ALTER COLUMN score TYPE numeric(12,2);
ALTER TABLE users ALTER COLUMN score TYPE numeric;
ALTER TABLE users ALTER COLUMN bio TYPE text;
CREATE TABLE imports (id int, payload text);
ALTER TABLE imports ALTER COLUMN id TYPE bigint;
-- A renamed column keeps its type.
ALTER TABLE users RENAME COLUMN bio TO about;
ALTER TABLE users ALTER COLUMN about TYPE text;
