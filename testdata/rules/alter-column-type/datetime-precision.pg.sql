-- Fractional-seconds precision of timestamp, timestamptz, time and timetz:
-- a decrease rounds every stored value and rewrites the table.
ALTER TABLE events ADD COLUMN happened_at timestamp(3), ADD COLUMN logged_at timestamptz, ADD COLUMN opens time(4);
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamp(0); -- expect: alter-column-type@20 "from `timestamp(3)` to `timestamp(0)`"
ALTER TABLE events ALTER COLUMN logged_at TYPE timestamptz(3); -- expect: alter-column-type@20 "from `timestamptz` to `timestamptz(3)`"
ALTER TABLE events ALTER COLUMN opens TYPE time(2); -- expect: alter-column-type@20 "from `time(4)` to `time(2)`"
-- Another type altogether still rewrites.
ALTER TABLE events ALTER COLUMN opens TYPE timetz(4); -- expect: alter-column-type@20 "from `time(2)` to `timetz(4)`"
-- An unknown old type: conditional, naming the precisions that need no rewrite.
ALTER TABLE audits ALTER COLUMN at TYPE timestamp(3); -- expect: alter-column-type@20 "unless `at` already is `timestamp(3)` or `timestamp(p)` with p <= 3"
ALTER TABLE audits ALTER COLUMN seen TYPE timestamptz; -- expect: alter-column-type@20 "unless `seen` already is `timestamptz` of any precision"
ALTER TABLE audits ALTER COLUMN took TYPE interval; -- expect: alter-column-type@20 "unless `took` already is any `interval`"
