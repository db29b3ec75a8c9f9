-- Table options written without `=` are table options, not MariaDB's WAIT n; WAIT n / NOWAIT
-- stay what they are, and `wait` still names tables and columns.
ALTER TABLE t AUTO_INCREMENT 2;
ALTER TABLE t KEY_BLOCK_SIZE 4;
ALTER TABLE t STATS_PERSISTENT 0, ALGORITHM=INPLACE;
ALTER TABLE t WAIT 5 ADD COLUMN c INT;
ALTER TABLE t NOWAIT ADD COLUMN d INT;
CREATE TABLE wait (wait INT);
OPTIMIZE TABLE t WAIT 10;
