-- DROP NOT NULL on existing tables.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL; -- expect: drop-not-null@19 "`users`.`email`"
ALTER TABLE IF EXISTS public.users ALTER name DROP NOT NULL; -- expect: drop-not-null@36 "`public.users`.`name`"
ALTER TABLE ONLY orders ALTER COLUMN carrier DROP NOT NULL; -- expect: drop-not-null@25

-- Multi-action: one finding per action.
ALTER TABLE orders
  ALTER COLUMN shipped_at DROP NOT NULL, -- expect: drop-not-null@3 "`shipped_at`"
  ALTER COLUMN note SET DEFAULT '',
  ALTER COLUMN carrier_ref DROP NOT NULL; -- expect: drop-not-null@3 "`carrier_ref`"
