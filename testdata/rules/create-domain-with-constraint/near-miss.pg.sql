-- Clean: domains without CHECK, checks on table columns, ALTER DOMAIN.
CREATE DOMAIN email_address AS text;
CREATE DOMAIN country_code AS char(2) NOT NULL DEFAULT 'US';
CREATE DOMAIN maybe_int AS int NULL;
CREATE TABLE subscribers (id bigint PRIMARY KEY, email email_address CHECK (email ~ '@'));
ALTER TABLE subscribers ADD CONSTRAINT email_len CHECK (length(email) < 300) NOT VALID;
ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE ~ '@') NOT VALID;
