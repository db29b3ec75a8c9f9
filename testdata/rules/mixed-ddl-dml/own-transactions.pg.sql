-- A file with transaction control of its own runs what is outside its blocks
-- without a transaction, whatever the runner: the two changes commit apart.
BEGIN;
ALTER TABLE devices ALTER COLUMN aaguid DROP NOT NULL;
COMMIT;
UPDATE devices SET aaguid = NULL WHERE aaguid = ''; -- expect: mixed-ddl-dml@1 "which updates `devices`): a failure of one leaves the other applied, and the data change cannot be retried"
