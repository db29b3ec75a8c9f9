-- A dropped table holds nothing up: only the backfill remains.
DROP TABLE legacy_sessions;
UPDATE users SET plan = 'free' WHERE plan IS NULL;
