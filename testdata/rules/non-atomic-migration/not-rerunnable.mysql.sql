-- The finding is on the first DDL statement whose failure leaves one that a
-- re-run cannot repeat: here the plain CREATE TABLE (the guarded drop before
-- it can run twice).
DROP TABLE IF EXISTS order_notes;
CREATE TABLE order_notes (id BIGINT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS order_notes_id_idx ON order_notes (id); -- expect: non-atomic-migration@1 "this migration runs 4 DDL statements"
-- A procedure created without a DROP ... IF EXISTS of its name cannot be created twice.
DELIMITER //
CREATE PROCEDURE touch_orders() BEGIN UPDATE orders SET touched = 1 WHERE id = 0; END //
DELIMITER ;
