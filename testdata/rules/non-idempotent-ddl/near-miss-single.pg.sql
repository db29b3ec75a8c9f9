-- One statement: it either applies or not.
ALTER TABLE users ADD COLUMN nickname text;
