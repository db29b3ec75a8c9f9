-- Statements made only of words PostgreSQL does not know are still
-- statements: they must be reported, not dropped.
CREATE TABLE accounts (id bigint PRIMARY KEY);
VACCUM accounts; -- expect: syntax-error@1 "VACCUM"
SELEC 1; -- expect: syntax-error@1 "SELEC"
SELECT count(*) FROM accounts;
