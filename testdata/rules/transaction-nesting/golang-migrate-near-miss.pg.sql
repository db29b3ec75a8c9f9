-- ddlint-test: runner=golang-migrate
-- Near miss: an explicit block in a one-string migration is the only
-- transaction (the implicit block turns into it).
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
