-- Clean: a WHERE clause, however broad; tables created in the file.
UPDATE users SET newsletter = false WHERE newsletter IS NULL;
DELETE FROM sessions WHERE expires_at < now();
UPDATE public.orders o SET customer_name = c.name FROM customers c WHERE c.id = o.customer_id;
DELETE FROM audit_events a USING users u WHERE a.user_id = u.id AND u.deleted;

CREATE TABLE plan_limits (plan text PRIMARY KEY, seats int);
INSERT INTO plan_limits VALUES ('free', 1), ('team', 10);
UPDATE plan_limits SET seats = seats * 2;
CREATE TEMP TABLE scratch AS SELECT id FROM users;
DELETE FROM scratch;
INSERT INTO users (email) SELECT email FROM invites;
-- Migration bookkeeping: the one-row table that records the schema version
-- (a name ending in `version`, `schema_migrations` or `schema_history`) set
-- to constants.
UPDATE ttrss_version SET schema_version = 61;
UPDATE app_version SET major = 2, label = 'two', note = NULL;
