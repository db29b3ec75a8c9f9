-- A domain created in this file, but given to a column of an existing table.
CREATE DOMAIN iso_country AS text;
ALTER TABLE offices ADD COLUMN country iso_country;
ALTER DOMAIN iso_country ADD CONSTRAINT iso_country_len CHECK (length(VALUE) = 2); -- expect: alter-domain-add-constraint@30
