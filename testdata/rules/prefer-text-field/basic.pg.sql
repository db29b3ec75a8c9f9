-- varchar with a length, at the type.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255) NOT NULL, -- expect: prefer-text-field@9 "column `email` of `users` is `varchar(255)`"
  name CHARACTER VARYING(100), -- expect: prefer-text-field@8 "`CHARACTER VARYING(100)`"
  tags varchar(20)[], -- expect: prefer-text-field@8 "`varchar(20)[]`"
  nick pg_catalog.varchar(30) -- expect: prefer-text-field@8
);

ALTER TABLE users ADD COLUMN display_name varchar(50); -- expect: prefer-text-field@43 "`display_name`"
ALTER TABLE public.users
  ADD COLUMN note text,
  ADD COLUMN locale VARCHAR(10) DEFAULT 'en'; -- expect: prefer-text-field@21 "`public.users`"
ALTER TABLE users ALTER COLUMN email TYPE varchar(320); -- expect: prefer-text-field@43 "column `email`"
