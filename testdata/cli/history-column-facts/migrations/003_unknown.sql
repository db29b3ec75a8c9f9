-- A table the history does not know: the column may exist already.
ALTER TABLE visits ADD COLUMN IF NOT EXISTS kind text GENERATED ALWAYS AS (payload->>'kind') STORED;
-- The history knows note is nullable, until SET NOT NULL.
ALTER TABLE runs ALTER COLUMN note SET NOT NULL;
ALTER TABLE runs ALTER COLUMN note DROP NOT NULL;
