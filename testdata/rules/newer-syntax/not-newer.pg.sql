-- ddlint-test: pg_version=18 rules=newer-syntax,syntax-error
-- A statement that no release accepts stays a syntax error, whatever the target.
ALTER TABEL users ADD COLUMN nickname text; -- expect: syntax-error@7
SELECT 1 FROM events WHERE; -- expect: syntax-error@27
ALTER TABLE users ADD CONSTRAINT NOT NULL; -- expect: syntax-error@34
CREATE TABLE t (a int, b int GENERATED ALWAYS AS IDENTITY (START 1 garbage)); -- expect: syntax-error@68
