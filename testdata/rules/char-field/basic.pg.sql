-- char(n) in every spelling, at the type.
CREATE TABLE countries (
  code char(2) PRIMARY KEY, -- expect: char-field@8 "column `code` of `countries` is `char(2)`"
  iso3 CHARACTER(3) NOT NULL, -- expect: char-field@8 "`CHARACTER(3)`"
  flag character, -- expect: char-field@8 "`character`"
  kind char, -- expect: char-field@8
  raw bpchar, -- expect: char-field@7
  aliases char(3)[] -- expect: char-field@11 "`char(3)[]`"
);

ALTER TABLE accounts ADD COLUMN currency character(3); -- expect: char-field@42 "`accounts`"
ALTER TABLE public.accounts
  ADD COLUMN note text,
  ADD COLUMN status char(1) DEFAULT 'A'; -- expect: char-field@21 "`status`"
ALTER TABLE accounts ALTER COLUMN currency TYPE char(4); -- expect: char-field@49 "column `currency`"

-- UUIDs stored as text.
CREATE TABLE sessions (id CHAR(36) PRIMARY KEY); -- expect: char-field@27 "`CHAR(36)`"
