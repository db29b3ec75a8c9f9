-- A piece sent under another delimiter holding several statements: the server
-- runs each one, so each is its own statement (outside routine blocks).
DELIMITER //
DROP TRIGGER IF EXISTS trg;
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
BEGIN
  IF NEW.a IS NULL THEN SET NEW.a = IF(NEW.b > 0, 1, 2); END IF;
  CASE NEW.c WHEN 1 THEN SET NEW.d = 1; ELSE SET NEW.d = 2; END CASE;
END;
//
CREATE TRIGGER trg2 BEFORE UPDATE ON t FOR EACH ROW
IF NEW.a > 0 THEN SET NEW.b = 1; ELSE SET NEW.b = 2; END IF;
ALTER TABLE t ADD COLUMN x INT; ALTER TABLE t DROP COLUMN y//
CREATE PROCEDURE p()
lbl: LOOP
  SET @n = @n + 1;
  IF @n > 3 THEN LEAVE lbl; END IF;
END LOOP lbl//
DELIMITER ;
CREATE TABLE u (
  id INT,
delimiter VARCHAR(10)
);
DELIMITER $$
-- a whole file after DELIMITER that never switches back
DROP PROCEDURE IF EXISTS q;
CREATE PROCEDURE q() BEGIN WHILE @i < 3 DO SET @i = @i + 1; END WHILE; END;
UPDATE t SET a = 1 WHERE id = 2;
