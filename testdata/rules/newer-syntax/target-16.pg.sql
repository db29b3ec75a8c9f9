-- ddlint-test: pg_version=16 rules=newer-syntax,syntax-error
-- PostgreSQL 16 accepts a subquery in FROM without an alias, not a NOT NULL
-- table constraint (18).
SELECT count(*) FROM (SELECT 1); -- expect: newer-syntax@22 "a subquery in FROM without an alias is PostgreSQL 16 syntax"
ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email; -- expect: syntax-error@55
