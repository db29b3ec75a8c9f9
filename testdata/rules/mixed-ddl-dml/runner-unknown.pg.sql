-- A migration whose runner ddlint does not know (no runner directives, a file
-- name no runner uses, no runner setting): whether a transaction wraps it is
-- unknown, so the message gives the cost of both.
ALTER TABLE devices ALTER COLUMN aaguid DROP NOT NULL;
UPDATE devices SET aaguid = NULL WHERE aaguid = ''; -- expect: mixed-ddl-dml@1 "if the runner wraps the migration in one transaction, the schema change's lock stays held until COMMIT, through the whole data change; if not, a failure of one leaves the other applied"
