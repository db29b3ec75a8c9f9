-- A file with transaction control of its own runs what is outside its blocks
-- without a transaction, whatever the runner, even when its first block comes
-- after the two changes: they commit apart.
ALTER TABLE devices ALTER COLUMN aaguid DROP NOT NULL;
UPDATE devices SET aaguid = NULL WHERE aaguid = ''; -- expect: mixed-ddl-dml@1 "which updates `devices`): a failure of one leaves the other applied, and the data change cannot be retried"
BEGIN;
CREATE INDEX devices_aaguid_idx ON devices (aaguid);
COMMIT;
