-- Clean: variable-length strings, the one-byte "char" type, and char outside column types.
CREATE TABLE countries (
  code text PRIMARY KEY CHECK (char_length(code) = 2),
  name varchar(100),
  notes character varying,
  internal_flag "char",
  char_count int
);
ALTER TABLE countries ADD COLUMN iso3 varchar;
ALTER TABLE countries ALTER COLUMN code TYPE text;

-- A cast to char in an expression is not a column type.
UPDATE countries SET name = code::char(2) || ' country' WHERE code = 'se';
CREATE TABLE snapshot AS SELECT code::char(2) AS code FROM countries;

-- Temporary tables, foreign tables, and a user-defined type in another schema.
CREATE TEMP TABLE staging (code char(2));
CREATE FOREIGN TABLE legacy_countries (code char(2)) SERVER legacy;
ALTER FOREIGN TABLE legacy_countries ADD COLUMN iso3 char(3);
CREATE TABLE typed (code app.bpchar);
