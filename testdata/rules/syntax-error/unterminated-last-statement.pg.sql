-- The last statement of the file is incomplete (no closing parenthesis, no semicolon).
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE ledgers (id bigint PRIMARY KEY -- expect: syntax-error@41 "end of input"
