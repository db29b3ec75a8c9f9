-- MySQL: a down migration that renames a table out of the way and drops it
-- under the new name drops it.
-- migrate:up
CREATE TABLE totp_configs (id BIGINT PRIMARY KEY, secret BLOB);
CREATE TABLE webauthn_devices (id BIGINT PRIMARY KEY); -- expect: down-migration-incomplete@14 "creates `webauthn_devices`"

-- migrate:down
RENAME TABLE totp_configs TO totp_configs_bkp;
DROP TABLE totp_configs_bkp;
ALTER TABLE webauthn_devices RENAME TO webauthn_devices_old;
