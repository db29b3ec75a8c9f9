-- note is nullable since 001: DROP NOT NULL changes nothing.
ALTER TABLE runs ALTER COLUMN note DROP NOT NULL;
-- status is NOT NULL: reported.
ALTER TABLE runs ALTER COLUMN status DROP NOT NULL;
-- A precision increase keeps every value; a decrease rewrites.
ALTER TABLE runs ALTER COLUMN started_at TYPE timestamp;
ALTER TABLE runs ALTER COLUMN finished_at TYPE timestamptz(0);
-- kind exists since 001: ADD COLUMN IF NOT EXISTS changes nothing.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS kind text GENERATED ALWAYS AS (payload->>'kind') STORED;
-- tag does not exist: reported, and certain.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS tag text GENERATED ALWAYS AS (payload->>'tag') STORED;
