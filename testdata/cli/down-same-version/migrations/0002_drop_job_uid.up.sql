-- The down migration has the same version number and another name (a typo):
-- runners that pair by version run it, and so does ddlint.
ALTER TABLE repos DROP COLUMN job_uid;
