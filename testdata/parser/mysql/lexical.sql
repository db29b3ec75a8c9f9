-- A statement no MySQL server knows, then an unterminated string.
ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
VACUUM t;
DROP TABLE IF EXISTS t2;
INSERT INTO t VALUES (1, 'unterminated);
DROP TABLE never_seen;
