-- CHAR columns (MySQL): reported at the type as written.
CREATE TABLE countries (
  code CHAR(2) NOT NULL, -- expect: char-field@8 "column `code` of `countries` is `CHAR(2)`: the server pads values"
  flag char, -- expect: char-field@8 "`char`"
  external_id CHAR(36) CHARACTER SET ascii -- expect: char-field@15 "`CHAR(36)`"
);
ALTER TABLE users ADD COLUMN locale NATIONAL CHAR(5); -- expect: char-field@37 "`NATIONAL CHAR(5)`"
ALTER TABLE users MODIFY country CHARACTER(2) NOT NULL; -- expect: char-field@34 "`CHARACTER(2)`"
ALTER TABLE users CHANGE cc country_code CHAR(3); -- expect: char-field@42 "`country_code` of `users`"
