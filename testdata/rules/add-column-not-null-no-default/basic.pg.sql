-- NOT NULL columns without a usable DEFAULT on existing tables.
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL; -- expect: add-column-not-null-no-default@19 "`tenant_id`"
ALTER TABLE IF EXISTS public.users ADD COLUMN IF NOT EXISTS region text NOT NULL; -- expect: add-column-not-null-no-default@36 "`public.users`"

-- DEFAULT NULL is no default at all.
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT NULL; -- expect: add-column-not-null-no-default@19

-- A PRIMARY KEY column is NOT NULL too.
ALTER TABLE legacy_events ADD COLUMN id bigint PRIMARY KEY; -- expect: add-column-not-null-no-default@27

-- Multi-line: reported at the offending ADD COLUMN action.
ALTER TABLE users
  ADD COLUMN nickname text,
  ADD COLUMN -- expect: add-column-not-null-no-default@3 "`locale`"
    locale text NOT NULL;
