-- ddlint-test: rules=syntax-error
-- psql input is skipped with one finding each, and is never a syntax error.
-- expect-next: skipped-input@1 "`\set`"
\set ON_ERROR_STOP on
-- expect-next: skipped-input@1 "`\connect`"
\connect app
CREATE TABLE colours (id int PRIMARY KEY, name text NOT NULL);
COPY colours (id, name) FROM stdin;
1	red -- expect: skipped-input@1 "COPY ... FROM stdin data (2 lines)"
2	green
\.
INSERT INTO colours (id, name) VALUES (3, 'blue');
-- expect-next: skipped-input@3 "`\echo`"
  \echo loaded
copy colours from STDIN with (format csv);
4,yellow -- expect: skipped-input@1 "(1 line)"
\.
SELECT count(*) FROM colours;
