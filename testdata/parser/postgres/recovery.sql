\set ON_ERROR_STOP on
-- A broken statement in the middle; the rest still lowers.
ALTER TABLE a DROP COLUMN b;
ALTER TABLE a ADD COLUMN c int NOT NULL DEFALT 0;
CREATE INDEX a_c_idx ON a (c);
COPY a (b, c) FROM stdin;
1	2
3	4;5
\.
\connect other
SELECT 1;
