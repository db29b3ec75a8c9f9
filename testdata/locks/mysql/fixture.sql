-- Fixture for tests/mariadb_locks_test.sh: recreated before every attempt of
-- every case (DDL commits implicitly, so nothing can be rolled back).
CREATE TABLE orgs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;

CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id BIGINT NOT NULL,
  email VARCHAR(50) NOT NULL,
  nickname VARCHAR(20) NULL,
  title VARCHAR(40) NULL,
  bio VARCHAR(100) NULL,
  status ENUM('active', 'banned') NOT NULL DEFAULT 'active',
  score INT NULL,
  kind INT NOT NULL DEFAULT 0,
  legacy INT NULL,
  body TEXT NULL,
  pt POINT NOT NULL,
  KEY users_email_idx (email),
  CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;

-- No primary key.
CREATE TABLE audit_log (
  id BIGINT NOT NULL,
  msg VARCHAR(200) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;

CREATE TABLE tags (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(30) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC;

-- A FULLTEXT index: InnoDB keeps a hidden FTS_DOC_ID column for it.
CREATE TABLE docs (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(100) NOT NULL,
  body TEXT NULL,
  FULLTEXT KEY docs_body_ft (body)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;

CREATE TABLE zipped (
  id BIGINT NOT NULL PRIMARY KEY,
  note VARCHAR(100) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;

-- Not InnoDB: no online DDL.
CREATE TABLE kv (
  k VARCHAR(64) NOT NULL PRIMARY KEY,
  v TEXT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE events (
  id BIGINT NOT NULL,
  happened DATE NOT NULL,
  PRIMARY KEY (id, happened)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 PARTITION BY HASH (id) PARTITIONS 2;

-- System-versioned (MariaDB).
CREATE TABLE hist (
  id BIGINT NOT NULL PRIMARY KEY,
  note VARCHAR(100) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 WITH SYSTEM VERSIONING;

INSERT INTO orgs (id, name) VALUES (1, 'acme'), (2, 'globex');
INSERT INTO users (org_id, email, nickname, title, bio, score, kind, legacy, body, pt) VALUES
  (1, 'a@example.com', 'a', 'Dr', 'likes tea', 10, 1, 5, 'first user', POINT(0, 0)),
  (1, 'b@example.com', 'b', NULL, NULL, 20, 0, NULL, 'second user', POINT(1, 1)),
  (2, 'c@example.com', NULL, 'Ms', 'likes coffee', 30, 2, 7, NULL, POINT(2, 2));
INSERT INTO audit_log (id, msg) VALUES (1, 'created'), (2, 'updated'), (3, 'deleted');
INSERT INTO tags (id, name) VALUES (1, 'red'), (2, 'green');
INSERT INTO docs (id, title, body) VALUES (1, 'intro', 'hello world'), (2, 'usage', 'run it');
INSERT INTO zipped (id, note) VALUES (1, 'small'), (2, NULL);
INSERT INTO kv (k, v) VALUES ('a', 'one'), ('b', 'two');
INSERT INTO events (id, happened) VALUES (1, '2026-01-01'), (2, '2026-02-01');
INSERT INTO hist (id, note) VALUES (1, 'kept'), (2, NULL);
