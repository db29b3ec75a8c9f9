CREATE TABLE runs (
  id bigint PRIMARY KEY,
  note text,
  status text NOT NULL,
  payload jsonb,
  started_at timestamp(3),
  finished_at timestamptz
);
ALTER TABLE runs ADD COLUMN kind text GENERATED ALWAYS AS (payload->>'kind') STORED;
