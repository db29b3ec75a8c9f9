-- DROP INDEX locks the table of an index this file did not create.
UPDATE accounts SET flag = true WHERE flag IS NULL;
DROP INDEX accounts_flag_idx; -- expect: mixed-ddl-dml@1 "the table of index `accounts_flag_idx`"
