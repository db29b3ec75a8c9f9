-- ddlint-test: rules=syntax-error
-- Nothing is skipped: DELIMITER is understood, a prepared literal is linted
-- as a statement of its own, and a procedure that changes no table is
-- called in plain sight.
DELIMITER $$
CREATE PROCEDURE touch_counter()
BEGIN
  UPDATE counters SET n = n + 1 WHERE id = 1;
END $$
DELIMITER ;
CALL touch_counter();
SET @s = IF((SELECT COUNT(*) FROM information_schema.columns
             WHERE table_name = 'orders' AND column_name = 'note') = 0,
            'ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT',
            'SELECT 1');
PREPARE add_note FROM @s;
EXECUTE add_note;
DEALLOCATE PREPARE add_note;
PREPARE one FROM 'DELETE FROM sessions WHERE expires_at < NOW()';
EXECUTE one;
EXECUTE one;
SET @plain = 'SELECT 1';
PREPARE two FROM @plain;
EXECUTE two;
