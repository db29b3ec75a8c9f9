ALTER TABLE users ADD COLUMN note text;
UPDATE users SET note = '' WHERE note IS NULL;
