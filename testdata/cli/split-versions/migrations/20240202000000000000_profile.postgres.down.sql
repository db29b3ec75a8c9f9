ALTER TABLE accounts RENAME COLUMN phone_number TO phone;
ALTER TABLE accounts RENAME COLUMN display_name TO display_name_new;
ALTER TABLE accounts ADD COLUMN legacy_code text;
