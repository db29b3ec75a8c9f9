-- Clean: NOT VALID, forms that check nothing, domains created in the file.
ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE ~ '@') NOT VALID;
ALTER DOMAIN email_address DROP CONSTRAINT email_len;
ALTER DOMAIN email_address DROP NOT NULL;
ALTER DOMAIN email_address SET DEFAULT '';
ALTER DOMAIN email_address RENAME CONSTRAINT email_has_at TO email_at;

CREATE DOMAIN iso_country AS text;
CREATE TABLE offices_v2 (id bigint PRIMARY KEY, country iso_country);
ALTER DOMAIN iso_country ADD CONSTRAINT iso_country_len CHECK (length(VALUE) = 2);
ALTER DOMAIN public.iso_country SET NOT NULL;
