-- ddlint-test: rules=syntax-error
-- Clean: backslashes inside quoted and dollar-quoted literals, and COPY forms
-- that carry no inline data.
CREATE TABLE notes (id int PRIMARY KEY, body text);
INSERT INTO notes VALUES (1, 'first line
\not a meta-command');
INSERT INTO notes VALUES (2, E'tab\there');
SELECT $note$first line
\connect is text here$note$ AS dollar_quoted;
COPY notes TO stdout;
COPY notes FROM '/var/lib/app/notes.csv' WITH (FORMAT csv);
SELECT 'COPY notes FROM stdin;' AS text_not_a_statement;
