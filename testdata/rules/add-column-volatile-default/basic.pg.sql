-- Volatile defaults rewrite an existing table on every version.
ALTER TABLE users ADD COLUMN public_id uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default@53 "gen_random_uuid()"
ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT public.uuid_generate_v4(); -- expect: add-column-volatile-default@58 "`users`"
ALTER TABLE events ADD COLUMN sample double precision DEFAULT random(); -- expect: add-column-volatile-default@63 "`events`"
ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp(); -- expect: add-column-volatile-default@59 "clock_timestamp()"
ALTER TABLE events ADD COLUMN legacy_id bigint DEFAULT nextval('events_legacy_id_seq'::regclass); -- expect: add-column-volatile-default@56 "nextval()"

-- Volatile anywhere inside the expression.
ALTER TABLE users ADD COLUMN salt text DEFAULT md5(random()::text); -- expect: add-column-volatile-default@48 "random()"
ALTER TABLE users ADD COLUMN bucket int DEFAULT (floor(random() * 10))::int; -- expect: add-column-volatile-default@49

-- Reported at the DEFAULT expression, one finding per column.
ALTER TABLE users
  ADD COLUMN a uuid DEFAULT gen_random_uuid(), -- expect: add-column-volatile-default@29 "`a`"
  ADD COLUMN b text DEFAULT 'x',
  ADD COLUMN c text DEFAULT
    timeofday(); -- expect: add-column-volatile-default@5 "`c`"
