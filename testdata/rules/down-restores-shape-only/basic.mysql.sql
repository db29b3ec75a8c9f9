-- migrate:up
ALTER TABLE users DROP COLUMN legacy_login, ALGORITHM=INSTANT; -- expect: down-restores-shape-only@19 "drops column `legacy_login` of `users` and the `-- migrate:down` section adds it back"
DROP TABLE IF EXISTS `audit_2019`; -- expect: down-restores-shape-only@22 "drops table `audit_2019`"

-- migrate:down
CREATE TABLE audit_2019 (id BIGINT PRIMARY KEY, body TEXT) ENGINE=InnoDB;
ALTER TABLE users ADD COLUMN legacy_login VARCHAR(255) NULL;
