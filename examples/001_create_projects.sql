-- Safe: creates a new table and indexes it in the same migration.
-- The table is empty when the index is built, so a plain CREATE INDEX is
-- fine here (CONCURRENTLY only matters for tables that already hold data),
-- and the migration declares its cost up front.
--
-- Expected duration: under 1 minute
-- Locks: none

BEGIN;

CREATE TABLE projects (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    slug        text NOT NULL,
    archived    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_slug_key UNIQUE (slug)
);

CREATE INDEX projects_created_at_idx ON projects (created_at);

COMMIT;
