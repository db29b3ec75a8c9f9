-- Clean: tables created earlier in this file, and renames of other objects.
CREATE TABLE invites (id bigint PRIMARY KEY, mail text);
ALTER TABLE invites RENAME COLUMN mail TO email;
ALTER TABLE public.invites RENAME mail2 TO email2;

ALTER TABLE users RENAME TO accounts;
ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_unique;
ALTER INDEX users_email_idx RENAME TO users_email_unique_idx;
ALTER SEQUENCE users_id_seq RENAME TO accounts_id_seq;
ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';
ALTER TYPE address RENAME ATTRIBUTE street TO street_line;
-- A column this migration adds is not used by deployed code yet.
ALTER TABLE users ADD COLUMN email_new text;
ALTER TABLE users RENAME COLUMN email_new TO email_address;
-- Renamed again: still the column this migration added.
ALTER TABLE users ADD COLUMN phone_tmp text;
ALTER TABLE users RENAME COLUMN phone_tmp TO phone_new;
ALTER TABLE users RENAME COLUMN phone_new TO phone;
-- A table created under another name and renamed into place (copy and
-- rename): its columns are new too.
CREATE TABLE invoices_new (id bigint PRIMARY KEY, total numeric);
ALTER TABLE invoices_new RENAME TO invoices;
ALTER TABLE invoices RENAME COLUMN total TO amount;
