ALTER TABLE accounts DROP COLUMN legacy_code;
ALTER TABLE accounts RENAME COLUMN display_name_new TO display_name;
ALTER TABLE accounts RENAME COLUMN phone TO phone_number;
