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
-- case: drop-foreign-key-unchecked
SET foreign_key_checks = 0;
ALTER TABLE users DROP FOREIGN KEY users_org_fk;
-- case: add-unique
ALTER TABLE users ADD UNIQUE INDEX users_email_uq (email);
-- case: create-unique-index
CREATE UNIQUE INDEX users_email_uq ON users (email);
-- case: add-column-unique
ALTER TABLE users ADD COLUMN handle VARCHAR(30) NULL UNIQUE;
-- case: rename-index
ALTER TABLE users RENAME INDEX users_email_idx TO users_mail_idx;
-- case: alter-index-ignored
ALTER TABLE users ALTER INDEX users_email_idx IGNORED;
-- case: force
ALTER TABLE users FORCE;
-- case: enum-insert-middle
ALTER TABLE users MODIFY COLUMN status ENUM('active', 'pending', 'banned') NOT NULL DEFAULT 'active';
-- case: drop-default
ALTER TABLE users ALTER COLUMN kind DROP DEFAULT;
-- case: add-check
ALTER TABLE users ADD CONSTRAINT users_score_ck CHECK (score >= 0);
-- case: table-comment
ALTER TABLE users COMMENT = 'people who sign in';
-- case: column-comment
ALTER TABLE users MODIFY COLUMN bio VARCHAR(100) NULL COMMENT 'about the user';
-- case: auto-increment
ALTER TABLE users AUTO_INCREMENT = 1000;
-- case: add-virtual
ALTER TABLE users ADD COLUMN org3 BIGINT AS (org_id * 3) VIRTUAL;
-- case: modify-collation
ALTER TABLE users MODIFY COLUMN bio VARCHAR(100) NULL COLLATE utf8mb4_bin;
-- case: modify-collation-indexed
ALTER TABLE users MODIFY COLUMN email VARCHAR(50) NOT NULL COLLATE utf8mb4_bin;
-- case: table-charset
ALTER TABLE tags DEFAULT CHARACTER SET = utf8mb4;
-- case: add-column-default-uuid
ALTER TABLE users ADD COLUMN token CHAR(36) NULL DEFAULT (UUID());
-- case: add-column-default-now
ALTER TABLE users ADD COLUMN created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- case: add-column-references
ALTER TABLE users ADD COLUMN home_org_id BIGINT NULL REFERENCES orgs (id);
-- case: alter-online-add-column
ALTER ONLINE TABLE users ADD COLUMN phone VARCHAR(40) NULL;
-- case: alter-online-add-index
ALTER ONLINE TABLE users ADD INDEX users_kind_idx (kind);
-- case: alter-online-refused
ALTER ONLINE TABLE users MODIFY COLUMN score BIGINT NULL;
-- case: add-system-versioning
ALTER TABLE users ADD SYSTEM VERSIONING;
-- case: drop-system-versioning
ALTER TABLE hist DROP SYSTEM VERSIONING;
-- case: fulltext-table-add-column
ALTER TABLE docs ADD COLUMN lang CHAR(2) NULL;
-- case: fulltext-table-drop-column
ALTER TABLE docs DROP COLUMN title;
-- case: add-fulltext-second
ALTER TABLE docs ADD FULLTEXT INDEX docs_title_ft (title);
-- case: fulltext-table-force
ALTER TABLE docs FORCE;
-- case: compressed-add-column
ALTER TABLE zipped ADD COLUMN flag INT NULL;
-- case: key-block-size
ALTER TABLE zipped KEY_BLOCK_SIZE = 4;
-- case: row-format-compressed
ALTER TABLE tags ROW_FORMAT = COMPRESSED;
-- case: myisam-add-column
ALTER TABLE kv ADD COLUMN ts INT NULL;
-- case: myisam-add-index
ALTER TABLE kv ADD INDEX kv_v_idx (v(10));
-- case: remove-partitioning
ALTER TABLE events REMOVE PARTITIONING;
-- case: partition-by
ALTER TABLE audit_log PARTITION BY HASH (id) PARTITIONS 2;
