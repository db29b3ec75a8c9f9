-- mysqldump-style header with executable comments
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40014 SET FOREIGN_KEY_CHECKS=0 */;
/*!50503 SET NAMES utf8mb4 */;
/*M!100100 SET SESSION max_statement_time = 10 */;
# a hash comment; with a semicolon
CREATE TABLE `a``b` (`id` int) /*!50100 PARTITION BY HASH (id) PARTITIONS 4 */;
DELIMITER $$
CREATE PROCEDURE add_col()
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'x') THEN
    ALTER TABLE t ADD COLUMN x INT;
  END IF;
END$$
DELIMITER ;
CALL add_col();
DROP PROCEDURE IF EXISTS add_col;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN
  SET NEW.x = 1;
END */;;
DELIMITER ;
CREATE FUNCTION f() RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SET v = CASE WHEN v > 0 THEN 1 ELSE 2 END;
  RETURN v;
END;
ALTER TABLE t DROP COLUMN x;
/* block comment */ UPDATE t SET x = 1 WHERE id = 2; -- trailing comment
