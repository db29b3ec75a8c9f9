-- ddlint-test: pg_version=11
-- Before PostgreSQL 12, timestamp <-> timestamptz rewrites even in a UTC session.
ALTER TABLE events ADD COLUMN at timestamp;
SET timezone = 'UTC';
ALTER TABLE events ALTER COLUMN at TYPE timestamptz; -- expect: alter-column-type@20 "from `timestamp` to `timestamptz`"
