ALTER TABLE accounts DROP COLUMN expires_at;
