-- ddlint-test: rules=drop-column
-- Clean: findings about ignore comments can be silenced for the whole file.
-- ddlint-ignore-file unused-ignore -- generated migration, comments kept as written
-- ddlint-ignore drop-column
ALTER TABLE users ADD COLUMN nickname text;
-- ddlint-ignore no-such-rule
SELECT 1;
