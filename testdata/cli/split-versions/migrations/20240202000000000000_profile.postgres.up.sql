ALTER TABLE accounts ADD COLUMN display_name_new text;
