ALTER TABLE users DROP COLUMN legacy_login;
UPDATE users SET name = email WHERE name IS NULL;
