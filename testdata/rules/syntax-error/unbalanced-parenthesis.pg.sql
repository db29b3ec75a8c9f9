-- A missing closing parenthesis must be reported (and must not hide the
-- statements after it).
CREATE TABLE accounts (id bigint PRIMARY KEY;  -- expect: syntax-error
SELECT count(*) FROM accounts;
