-- ddlint-test: rules=syntax-error,drop-column
-- One MySQL statement does not parse; the statements around it are still linted.
CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(100)) ENGINE=InnoDB;
ALTER TABLE accounts ADD COLUMN note TEXT;
ALTER TABLE users DROP COLUMN; -- expect: syntax-error@24
ALTER TABLE users DROP COLUMN legacy; -- expect: drop-column@19 "`legacy`"
SELEC 1; -- expect: syntax-error@1
INSERT INTO accounts (id, owner) VALUES (1, 'a');
