-- char(n) in every spelling, at the type.
CREATE TABLE countries (
  code char(2) PRIMARY KEY, -- expect: char-field "column `code` of `countries` is `char(2)`"
  iso3 CHARACTER(3) NOT NULL, -- expect: char-field "`CHARACTER(3)`"
  flag character, -- expect: char-field "`character`"
  kind char, -- expect: char-field
  raw bpchar, -- expect: char-field
  aliases char(3)[] -- expect: char-field "`char(3)[]`"
);

ALTER TABLE accounts ADD COLUMN currency character(3); -- expect: char-field "`accounts`"
ALTER TABLE public.accounts
  ADD COLUMN note text,
  ADD COLUMN status char(1) DEFAULT 'A'; -- expect: char-field "`status`"
ALTER TABLE accounts ALTER COLUMN currency TYPE char(4); -- expect: char-field "column `currency`"

-- UUIDs stored as text.
CREATE TABLE sessions (id CHAR(36) PRIMARY KEY); -- expect: char-field "`CHAR(36)`"
