-- Seed rows and a table created in the file.
CREATE TABLE plans (id bigint PRIMARY KEY, name text);
INSERT INTO plans (id, name) VALUES (1, 'free'), (2, 'team');
INSERT INTO plans (id, name) SELECT id, name FROM legacy_plans;
UPDATE plans SET name = lower(name);
DELETE FROM plans WHERE id = 3;
ALTER TABLE plans ADD COLUMN seats int;
CREATE INDEX plans_name_idx ON plans (name);
-- Seed rows into an existing table next to a schema change.
ALTER TABLE users ADD COLUMN plan_id bigint;
INSERT INTO settings (key, value) VALUES ('plans', 'on');
-- Bookkeeping of given rows is not a backfill.
UPDATE schema_version SET value = '7.1' WHERE name = 'schema.version';
DELETE FROM attributes WHERE key = 'apiTokenSecret';
UPDATE settings SET value = 'x' WHERE id = 42;
UPDATE ttrss_version SET schema_version = 135;
INSERT INTO schema_migrations (version) SELECT '20240101';
