-- ddlint-test: mysql_version=8.4
-- MySQL: no setting bounds how long DDL runs (max_execution_time applies to SELECT only);
-- one finding for the file, at its first blocking statement, counting the rest.
SET SESSION max_execution_time = 1000;
-- expect-next: missing-statement-timeout@1 "MySQL has no setting that bounds how long it runs"
ALTER TABLE users MODIFY COLUMN score BIGINT NOT NULL;
ALTER TABLE orders ADD FULLTEXT INDEX orders_note_ft (note);
