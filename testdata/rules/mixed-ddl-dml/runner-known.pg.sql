-- ddlint-test: runner=golang-migrate
-- Near miss for runner-unknown.pg.sql: golang-migrate sends the file as one
-- query string, which PostgreSQL runs as one implicit transaction.
ALTER TABLE devices ALTER COLUMN aaguid DROP NOT NULL;
UPDATE devices SET aaguid = NULL WHERE aaguid = ''; -- expect: mixed-ddl-dml@1 "in one transaction, the schema change's lock stays held until COMMIT, through the whole data change"
