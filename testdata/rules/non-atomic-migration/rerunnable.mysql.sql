-- ddlint-test: mysql_version=mariadb-10.11
-- Every DDL statement here succeeds again when the migration is re-run after
-- a failure half-way: IF [NOT] EXISTS, OR REPLACE, a procedure created after
-- DROP PROCEDURE IF EXISTS of its name. Nothing is left that a re-run trips on.
DROP PROCEDURE IF EXISTS add_note_index;
DELIMITER //
CREATE PROCEDURE add_note_index()
BEGIN
  CREATE INDEX orders_note_idx ON orders (note);
END //
DELIMITER ;
CALL add_note_index();
DROP PROCEDURE IF EXISTS add_note_index;
CREATE TABLE IF NOT EXISTS order_notes (id BIGINT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS orders_placed_idx ON orders (placed_at);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note VARCHAR(200), DROP COLUMN IF EXISTS legacy;
CREATE OR REPLACE VIEW open_orders AS SELECT id FROM orders WHERE closed_at IS NULL;
TRUNCATE TABLE order_notes;
