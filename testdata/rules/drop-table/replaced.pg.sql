-- Copy and rename: the table is replaced by a copy renamed into its place,
-- not destroyed; the message says where its rows were copied.
CREATE TABLE artifacts_temp (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO artifacts_temp (id, name) SELECT a.id, a.name FROM artifacts a JOIN repos r ON r.id = a.repo_id;
DROP TABLE artifacts; -- expect: drop-table@12 "dropping table `artifacts` and renaming `artifacts_temp` into its place at line 6 replaces it: its rows were copied into `artifacts_temp` at line 4, so rows written to `artifacts` after that copy are lost"
ALTER TABLE artifacts_temp RENAME TO artifacts;
-- No copy of its rows before the drop: lost unless the new table has them.
CREATE TABLE events_v2 (id bigint PRIMARY KEY);
DROP TABLE IF EXISTS events; -- expect: drop-table@22 "dropping table `events` (if it exists) and renaming `events_v2` into its place at line 10 replaces it: no INSERT ... SELECT from it into `events_v2` comes before the drop"
ALTER TABLE events_v2 RENAME TO events;
-- Near miss: a rename to another name is no replacement; the plain message
-- stays.
CREATE TABLE logs_new (id bigint PRIMARY KEY);
DROP TABLE logs; -- expect: drop-table@12 "dropping table `logs` destroys its data for good"
ALTER TABLE logs_new RENAME TO logs_archive;
