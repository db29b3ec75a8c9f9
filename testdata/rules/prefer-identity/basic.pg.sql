-- Serial types, at the type, in CREATE TABLE and ADD COLUMN.
CREATE TABLE users (
  id bigserial PRIMARY KEY, -- expect: prefer-identity@6 "column `id` of `users` is `bigserial`"
  seq serial NOT NULL, -- expect: prefer-identity@7 "`serial`"
  small SMALLSERIAL, -- expect: prefer-identity@9 "`SMALLSERIAL`"
  s2 serial2, -- expect: prefer-identity@6
  s4 serial4, -- expect: prefer-identity@6
  s8 pg_catalog.serial8 -- expect: prefer-identity@6
);

CREATE TABLE audit_log (message text NOT NULL);
ALTER TABLE audit_log ADD COLUMN id serial; -- expect: prefer-identity@37 "`audit_log`"
ALTER TABLE public.audit_log
  ADD COLUMN note text,
  ADD COLUMN seq bigserial; -- expect: prefer-identity@18 "`seq`"
