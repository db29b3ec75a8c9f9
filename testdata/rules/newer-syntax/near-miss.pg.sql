-- ddlint-test: pg_version=18 rules=newer-syntax,syntax-error
-- The forms the PostgreSQL 15 grammar accepts are parsed and analysed as usual.
SELECT count(*) FROM (SELECT 1) AS one;
SELECT payload::jsonb ? 'a' FROM events;
SELECT json_object('{a,1}');
CREATE TABLE notes (body text CONSTRAINT notes_body_not_null NOT NULL);
CREATE TABLE prices (net int, gross int GENERATED ALWAYS AS (net * 2) STORED);
ALTER TABLE notes ALTER COLUMN body SET STORAGE EXTERNAL;
REINDEX DATABASE app;
