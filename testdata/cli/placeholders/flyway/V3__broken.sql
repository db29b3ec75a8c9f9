ALTER TABLE ${schema.users ADD COLUMN note text;
