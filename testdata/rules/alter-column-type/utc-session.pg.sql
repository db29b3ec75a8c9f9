-- timestamp <-> timestamptz keeps every stored value when the session's
-- TimeZone is UTC: PostgreSQL 12+ skips the rewrite then (only the brief
-- ACCESS EXCLUSIVE lock remains). Without a UTC session it rewrites.
-- Known old types (added earlier in this file to an existing table).
ALTER TABLE events ADD COLUMN at timestamp, ADD COLUMN seen timestamptz, ADD COLUMN done timestamp(3), ADD COLUMN other timestamp, ADD COLUMN n bigint;
ALTER TABLE events ALTER COLUMN at TYPE timestamptz; -- expect: alter-column-type@20 "from `timestamp` to `timestamptz`"
SET timezone = 'America/New_York';
ALTER TABLE events ALTER COLUMN seen TYPE timestamp; -- expect: alter-column-type@20 "from `timestamptz` to `timestamp`"
SET TIME ZONE 'UTC';
-- Near misses: a UTC session, either direction.
ALTER TABLE events ALTER COLUMN at TYPE timestamptz;
ALTER TABLE events ALTER COLUMN seen TYPE timestamp;
SET TimeZone TO 'Etc/UTC';
ALTER TABLE events ALTER COLUMN other TYPE timestamptz;
-- A precision change or a USING expression still rewrites.
ALTER TABLE events ALTER COLUMN done TYPE timestamptz(0); -- expect: alter-column-type@20 "from `timestamp(3)` to `timestamptz(0)`"
ALTER TABLE events ALTER COLUMN n TYPE timestamptz USING to_timestamp(n); -- expect: alter-column-type@20 "with USING"
-- Another type change is not helped by the zone.
ALTER TABLE events ALTER COLUMN n TYPE int; -- expect: alter-column-type@20 "from `timestamptz` to `integer`"
-- The old type unknown: timestamp is one of the types that need no rewrite.
ALTER TABLE accounts ALTER COLUMN created TYPE timestamptz; -- expect: alter-column-type@22 "unless `created` already is `timestamptz` or `timestamp`"
RESET timezone;
ALTER TABLE events ALTER COLUMN other TYPE timestamp; -- expect: alter-column-type@20 "from `timestamptz` to `timestamp`"
