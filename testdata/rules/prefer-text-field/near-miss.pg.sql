-- Clean: text, varchar without a length, and varchar outside column types.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL CHECK (char_length(email) <= 320),
  name varchar,
  aliases character varying[],
  varchar_note text
);
ALTER TABLE users ADD COLUMN display_name text;
ALTER TABLE users ALTER COLUMN name TYPE text;

-- A cast to varchar(n) in an expression is not a column type.
UPDATE users SET name = email::varchar(20) WHERE id = 1;
CREATE TABLE short_names AS SELECT name::varchar(10) AS name FROM users;

-- Temporary tables, foreign tables, and a user-defined type in another schema.
CREATE TEMP TABLE staging (email varchar(255));
CREATE FOREIGN TABLE legacy_users (email varchar(255)) SERVER legacy;
ALTER FOREIGN TABLE legacy_users ADD COLUMN name varchar(100);
CREATE TABLE typed (email app.varchar);
