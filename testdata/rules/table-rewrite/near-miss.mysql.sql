-- Clean: table options that change no row, and a table created in this file.
ALTER TABLE events COMMENT = 'engine rebuild notes';
ALTER TABLE events AUTO_INCREMENT = 1000;
CREATE TABLE scratch (id BIGINT PRIMARY KEY);
OPTIMIZE TABLE scratch;
ALTER TABLE scratch FORCE;
