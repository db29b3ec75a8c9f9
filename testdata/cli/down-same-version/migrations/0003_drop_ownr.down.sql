ALTER TABLE repos ADD COLUMN owner text;
