-- One DDL statement (several changes to one table in one ALTER TABLE), with
-- settings, data changes and a temporary table, which do not commit.
SET SESSION lock_wait_timeout = 5;
CREATE TEMPORARY TABLE order_ids (id BIGINT PRIMARY KEY);
INSERT INTO order_ids SELECT id FROM orders WHERE note IS NULL;
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ADD INDEX orders_note_idx (note), ALGORITHM=INPLACE, LOCK=NONE;
UPDATE orders SET note = '' WHERE id IN (SELECT id FROM order_ids);
