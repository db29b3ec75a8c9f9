-- Table options, partitioning, system versioning and ONLINE, as real
-- MySQL/MariaDB migrations write them.
CREATE TABLE docs (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(100) NOT NULL COLLATE utf8mb4_bin,
  body TEXT NULL,
  FULLTEXT KEY docs_body_ft (body)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='the docs';
CREATE TABLE kv (k VARCHAR(64) NOT NULL PRIMARY KEY) ENGINE MyISAM CHARACTER SET latin1;
CREATE TABLE events (id BIGINT NOT NULL, PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 2;
CREATE TABLE hist (id INT) WITH SYSTEM VERSIONING;
-- A column named `system` of type `versioning` does not exist: MariaDB's
-- ADD SYSTEM VERSIONING.
ALTER TABLE users ADD SYSTEM VERSIONING;
ALTER TABLE users DROP SYSTEM VERSIONING;
ALTER TABLE events REMOVE PARTITIONING;
ALTER TABLE zipped KEY_BLOCK_SIZE = 4;
ALTER TABLE users MODIFY COLUMN email VARCHAR(50) NOT NULL COLLATE utf8mb4_bin;
ALTER ONLINE TABLE users MODIFY COLUMN score BIGINT NULL;
ALTER ONLINE TABLE users ADD COLUMN phone VARCHAR(40) NULL, LOCK=SHARED;
-- The ONLINE of old MySQL Cluster syntax is not MariaDB's (10.11 refuses
-- both statements): no LOCK=NONE.
CREATE ONLINE INDEX users_score_idx ON users (score);
DROP INDEX ONLINE users_score_idx ON users;
ALTER TABLE users ALTER INDEX users_email_idx IGNORED;
ALTER TABLE users ALTER INDEX users_email_idx NOT IGNORED;
ALTER TABLE users ALTER INDEX users_email_idx INVISIBLE;
ALTER TABLE users ADD COLUMN home_org_id BIGINT NULL REFERENCES orgs (id);
