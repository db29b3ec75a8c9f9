-- CREATE INDEX CONCURRENTLY cannot run inside a BEGIN ... COMMIT block: no fix.
BEGIN;
ALTER TABLE events ADD PRIMARY KEY (id); -- expect: add-primary-key@20
COMMIT;
