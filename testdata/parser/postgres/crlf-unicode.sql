ALTER TABLE café ADD COLUMN naïve text NOT NULL;
CREATE INDEX i ON café (naïve);
