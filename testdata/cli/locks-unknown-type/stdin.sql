-- The old types are unknown: the rewrite is conditional, as in ddlint check.
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(20,2);
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(20,2), ALTER COLUMN note TYPE text;
-- USING, and a subcommand that always rewrites, make it certain.
ALTER TABLE accounts ALTER COLUMN note TYPE text USING trim(note);
ALTER TABLE accounts ALTER COLUMN note TYPE text, SET LOGGED;
