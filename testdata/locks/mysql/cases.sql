-- MySQL/MariaDB lock-model cases, run by tests/mariadb_locks_test.sh against
-- fixture.sql (recreated before every attempt). A case starts at its
-- `-- case: ID` line; its last statement is measured (earlier ones set up the
-- session). tests/mysql_lock_probe.cpp builds the same cases by hand.

-- case: add-column-last
ALTER TABLE users ADD COLUMN phone VARCHAR(40) NULL;
-- case: add-column-first
ALTER TABLE users ADD COLUMN flag INT NOT NULL DEFAULT 0 FIRST;
-- case: add-column-stored
ALTER TABLE users ADD COLUMN org2 BIGINT AS (org_id * 2) STORED;
-- case: drop-column
ALTER TABLE users DROP COLUMN legacy;
-- case: rename-column
ALTER TABLE users RENAME COLUMN score TO points;
-- case: change-column-rename
ALTER TABLE users CHANGE COLUMN score points INT NULL;
-- case: modify-int-to-bigint
ALTER TABLE users MODIFY COLUMN score BIGINT NULL;
-- case: modify-varchar-within-1-byte
ALTER TABLE users MODIFY COLUMN nickname VARCHAR(60) NULL;
-- case: modify-varchar-small-to-2-bytes
ALTER TABLE users MODIFY COLUMN nickname VARCHAR(100) NULL;
-- case: modify-varchar-crosses-255
ALTER TABLE users MODIFY COLUMN title VARCHAR(80) NULL;
-- case: modify-varchar-shrink
ALTER TABLE users MODIFY COLUMN nickname VARCHAR(10) NULL;
-- case: modify-set-not-null
ALTER TABLE users MODIFY COLUMN score INT NOT NULL;
-- case: modify-drop-not-null
ALTER TABLE users MODIFY COLUMN kind INT NULL DEFAULT 0;
-- case: set-default
ALTER TABLE users ALTER COLUMN score SET DEFAULT 5;
-- case: modify-reorder
ALTER TABLE users MODIFY COLUMN score INT NULL FIRST;
-- case: enum-append
ALTER TABLE users MODIFY COLUMN status ENUM('active', 'banned', 'deleted') NOT NULL DEFAULT 'active';
-- case: add-index
ALTER TABLE users ADD INDEX users_org_email_idx (org_id, email);
-- case: create-index
CREATE INDEX users_score_idx ON users (score);
-- case: drop-index
ALTER TABLE users DROP INDEX users_email_idx;
-- case: add-fulltext
ALTER TABLE users ADD FULLTEXT INDEX users_body_ft (body);
-- case: add-spatial
ALTER TABLE users ADD SPATIAL INDEX users_pt_sp (pt);
-- case: add-primary-key
ALTER TABLE audit_log ADD PRIMARY KEY (id);
-- case: drop-primary-key
ALTER TABLE tags DROP PRIMARY KEY;
-- case: replace-primary-key
ALTER TABLE tags DROP PRIMARY KEY, ADD PRIMARY KEY (id, name);
-- case: add-foreign-key
ALTER TABLE users ADD CONSTRAINT users_org_fk2 FOREIGN KEY (org_id) REFERENCES orgs (id);
-- case: add-foreign-key-unchecked
SET foreign_key_checks = 0;
ALTER TABLE users ADD CONSTRAINT users_org_fk2 FOREIGN KEY (org_id) REFERENCES orgs (id);
-- case: drop-foreign-key
ALTER TABLE users DROP FOREIGN KEY users_org_fk;
-- case: convert-charset
ALTER TABLE tags CONVERT TO CHARACTER SET utf8mb4;
-- case: engine-rebuild
ALTER TABLE users ENGINE = InnoDB;
-- case: rename-table
ALTER TABLE users RENAME TO people;
