-- MySQL/MariaDB: enum values removed and strict-mode conversions.
ALTER TABLE tickets MODIFY state ENUM('open', 'closed') NOT NULL DEFAULT 'open';
ALTER TABLE imports MODIFY qty TINYINT UNSIGNED;
ALTER TABLE imports CHANGE price price DECIMAL(5,2);
ALTER TABLE imports MODIFY ratio DOUBLE;
ALTER TABLE imports MODIFY born DATE;
-- Near misses: values only added to a known enum, an integer widened, a
-- decimal widened, a table created here.
ALTER TABLE tickets ADD COLUMN kind ENUM('a', 'b');
ALTER TABLE tickets MODIFY kind ENUM('a', 'b', 'c');
ALTER TABLE tickets ADD COLUMN n INT;
ALTER TABLE tickets MODIFY n BIGINT;
ALTER TABLE tickets ADD COLUMN amount DECIMAL(6,2);
ALTER TABLE tickets MODIFY amount DECIMAL(10,2);
CREATE TABLE fresh (id INT, s VARCHAR(10));
ALTER TABLE fresh MODIFY s INT;
