-- Clean: NOT ENFORCED checks no row; a table created in this file.
ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0) NOT ENFORCED;
ALTER TABLE users ADD COLUMN score INT CHECK (score > 0) NOT ENFORCED;
CREATE TABLE invites (id BIGINT, uses INT);
ALTER TABLE invites ADD CONSTRAINT uses_ok CHECK (uses >= 0);
