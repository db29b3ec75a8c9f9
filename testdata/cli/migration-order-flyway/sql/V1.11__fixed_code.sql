ALTER TABLE accounts ALTER COLUMN code TYPE char(12);
