-- ddlint-test: rules=syntax-error
-- A CALL of a procedure whose body changes tables, or of a procedure this
-- file does not create.
DELIMITER //
CREATE PROCEDURE add_note_column()
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'orders' AND column_name = 'note') THEN
    ALTER TABLE orders ADD COLUMN note VARCHAR(200);
  END IF;
END //
CREATE PROCEDURE `drop_idx`(IN t VARCHAR(64), IN i VARCHAR(64))
BEGIN
  SET @s = CONCAT('ALTER TABLE `', t, '` DROP INDEX `', i, '`');
  PREPARE stmt FROM @s;
  EXECUTE stmt;
  DEALLOCATE PREPARE stmt;
END //
DELIMITER ;
CALL add_note_column(); -- expect: skipped-input@1 "`CALL add_note_column` runs procedure `add_note_column` (created at line 5), whose body runs ALTER TABLE (line 9): ddlint does not analyse procedure bodies"
CALL drop_idx('orders', 'orders_old_idx'); -- expect: skipped-input@1 "`CALL drop_idx` runs procedure `drop_idx` (created at line 12), whose body runs dynamic SQL (PREPARE) (line 15): ddlint does not analyse procedure bodies (2 calls in this file)"
CALL app.rebuild_totals(); -- expect: skipped-input@1 "`CALL app.rebuild_totals` runs a stored procedure this file does not create: ddlint cannot see what it does (3 calls in this file)"
-- Later calls of a reported procedure are counted in its one finding.
CALL drop_idx('orders', 'orders_older_idx');
CALL app.rebuild_totals();
CALL app.rebuild_totals();
