-- varchar with a length, at the type.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL, -- expect: prefer-text-field@9 "column `email` of `users` is `varchar(255)`"
  name TEXT, -- expect: prefer-text-field@8 "`CHARACTER VARYING(100)`"
  tags text[], -- expect: prefer-text-field@8 "`varchar(20)[]`"
  nick text -- expect: prefer-text-field@8
);

ALTER TABLE users ADD COLUMN display_name text; -- expect: prefer-text-field@43 "`display_name`"
ALTER TABLE public.users
  ADD COLUMN note text,
  ADD COLUMN locale TEXT DEFAULT 'en'; -- expect: prefer-text-field@21 "`public.users`"
ALTER TABLE users ALTER COLUMN email TYPE text; -- expect: prefer-text-field@43 "column `email`"
