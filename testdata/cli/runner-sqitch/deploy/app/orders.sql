-- A script in a subfolder of deploy/: its revert is revert/app/orders.sql.
BEGIN;
ALTER TABLE users DROP COLUMN email;
COMMIT;
