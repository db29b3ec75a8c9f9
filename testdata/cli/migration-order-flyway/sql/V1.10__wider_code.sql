ALTER TABLE accounts ALTER COLUMN code TYPE varchar(40);
