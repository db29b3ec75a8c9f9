-- ddlint-test: rules=skipped-input,syntax-error
-- SQL that only looks like a directive is parsed as SQL.
PREPARE java AS SELECT 1;
EXECUTE java;
SELECT 1 AS delimiter;
-- A directive inside a statement is not one: this is a syntax error.
SELECT 1
execute java org.example.Step; -- expect: syntax-error@9
