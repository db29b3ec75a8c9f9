-- Clean: BIGINT keys, SERIAL (BIGINT UNSIGNED), booleans, foreign keys and lookup keys.
CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL);
CREATE TABLE events (id SERIAL, kind INT);
CREATE TABLE flags (id TINYINT(1) AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE statuses (id TINYINT UNSIGNED PRIMARY KEY, name VARCHAR(20));
CREATE TABLE regions (id SMALLINT PRIMARY KEY, name VARCHAR(20));
CREATE TABLE memberships (user_id INT, group_id INT, PRIMARY KEY (user_id, group_id));
-- A column redefined as BIGINT later in the file.
CREATE TABLE visits (id INT AUTO_INCREMENT PRIMARY KEY);
ALTER TABLE visits MODIFY id BIGINT AUTO_INCREMENT;
-- A table dropped later in the file.
CREATE TABLE scratch (id INT AUTO_INCREMENT PRIMARY KEY);
DROP TABLE scratch;
