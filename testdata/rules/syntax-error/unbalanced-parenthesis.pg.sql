-- A missing closing parenthesis must be reported (and must not hide the
-- statements after it).
CREATE TABLE accounts (id bigint PRIMARY KEY;  -- expect: syntax-error@45
SELECT count(*) FROM accounts;
