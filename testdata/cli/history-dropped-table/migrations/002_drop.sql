-- A teardown script that sorts before the upgrades.
DROP TABLE t;
