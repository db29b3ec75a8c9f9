-- A statement no MySQL server knows, a broken column list, then an unterminated string.
ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
VACUUM t;
CREATE TABLE bad (id INT,, name TEXT);
DROP TABLE IF EXISTS t2;
INSERT INTO t VALUES (1, 'unterminated);
DROP TABLE never_seen;
