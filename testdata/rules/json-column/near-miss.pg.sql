-- Clean: jsonb, text holding JSON, and json where it does not define a column of a permanent table.
CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL, body text, json_blob bytea);
ALTER TABLE events ADD COLUMN metadata jsonb DEFAULT '{}'::json;
ALTER TABLE events ALTER COLUMN body TYPE jsonb USING body::jsonb;
ALTER TABLE events ALTER COLUMN json_blob SET DEFAULT '{}';

-- A json value in an expression is not a column type.
UPDATE events SET payload = '{"a": 1}'::json::jsonb WHERE id = 1;
CREATE VIEW v AS SELECT payload::json AS j FROM events;

-- Temporary tables are scratch space; foreign tables mirror the remote side.
CREATE TEMP TABLE staging (doc json);
CREATE FOREIGN TABLE remote_events (doc json) SERVER remote;
ALTER FOREIGN TABLE remote_events ADD COLUMN extra json;

-- A user-defined type of the same name in another schema.
CREATE TABLE typed (doc app.json);
