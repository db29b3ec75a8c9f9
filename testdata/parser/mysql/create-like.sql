-- CREATE TABLE t LIKE src / (LIKE src): the source table is recorded.
CREATE TABLE t LIKE src;
CREATE TABLE IF NOT EXISTS db.u (LIKE db.src);
CREATE TEMPORARY TABLE tmp LIKE src;
