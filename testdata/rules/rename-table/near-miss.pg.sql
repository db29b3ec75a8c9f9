-- Clean: tables created earlier in this file, and renames of other objects.
CREATE TABLE accounts_new (id bigint PRIMARY KEY);
ALTER TABLE accounts_new RENAME TO accounts;

ALTER TABLE users RENAME COLUMN email TO email_address;
ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;
ALTER INDEX users_email_idx RENAME TO users_mail_idx;
ALTER VIEW active_users RENAME TO current_users;
ALTER MATERIALIZED VIEW daily_totals RENAME TO daily_sums;
ALTER SEQUENCE users_id_seq RENAME TO accounts_id_seq;
ALTER SCHEMA app RENAME TO application;

-- Suppressed with a reason when a view keeps the old name working.
-- ddlint-ignore rename-table -- the view below keeps the old name working during the deploy
ALTER TABLE customers RENAME TO clients;
CREATE VIEW customers AS SELECT * FROM clients;

-- A table swap: the old name is created again later in the file.
ALTER TABLE sessions RENAME TO sessions_old;
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL);
INSERT INTO sessions (id, user_id) SELECT id, user_id FROM sessions_old;
