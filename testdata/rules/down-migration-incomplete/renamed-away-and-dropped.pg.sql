-- A down migration that renames a table out of the way (to re-create the old
-- one under its name) and drops it under the new name drops it.
-- migrate:up
CREATE TABLE totp_configs (id bigint PRIMARY KEY, secret bytea);
CREATE TABLE webauthn_devices (id bigint PRIMARY KEY); -- expect: down-migration-incomplete@14 "creates `webauthn_devices`"

-- migrate:down
ALTER TABLE totp_configs RENAME TO totp_configs_bkp;
CREATE TABLE totp_configs (id int PRIMARY KEY, secret text);
INSERT INTO totp_configs (id) SELECT id FROM totp_configs_bkp;
DROP TABLE totp_configs_bkp;
ALTER TABLE webauthn_devices RENAME TO webauthn_devices_old;
