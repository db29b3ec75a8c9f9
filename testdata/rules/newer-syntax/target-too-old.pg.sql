-- ddlint-test: pg_version=15 rules=newer-syntax,syntax-error
-- With a target older than the release that accepts the syntax, it is a
-- syntax error (whose help names that release), not newer-syntax.
SELECT count(*) FROM (SELECT 1); -- expect: syntax-error@22 "subquery in FROM must have an alias"
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email; -- expect: syntax-error@55
