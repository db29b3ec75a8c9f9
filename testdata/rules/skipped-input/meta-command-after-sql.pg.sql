-- ddlint-test: rules=syntax-error
-- psql ends the SQL text at an unquoted backslash: the rest of the line is a
-- meta-command (here \gset), not part of the SELECT.
CREATE TABLE colours (id int PRIMARY KEY, name text NOT NULL);
SELECT count(*) AS colour_count FROM colours \gset -- expect: skipped-input@46 "`\gset`"
INSERT INTO colours (id, name) VALUES (1, 'red');
