-- Clean: DML in BEGIN ... COMMIT blocks, DDL outside them, temporary tables in a block.
CREATE TABLE plans (id BIGINT PRIMARY KEY, name VARCHAR(50));
START TRANSACTION;
INSERT INTO plans (id, name) VALUES (1, 'free');
UPDATE plans SET name = 'basic' WHERE id = 1;
COMMIT;
ALTER TABLE plans ADD COLUMN price DECIMAL(10,2);
BEGIN;
CREATE TEMPORARY TABLE scratch (id BIGINT);
INSERT INTO scratch SELECT id FROM plans;
DROP TEMPORARY TABLE scratch;
COMMIT;
START TRANSACTION;
DELETE FROM plans WHERE id = 1;
ROLLBACK;
