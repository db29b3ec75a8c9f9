-- Operations that do not block writes, or that other rules report.
CREATE INDEX articles_author_idx ON articles (author_id);
ALTER TABLE articles ADD COLUMN summary TEXT;
-- A table created earlier in the migration holds no rows yet.
CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT);
CREATE FULLTEXT INDEX notes_body_ft ON notes (body);
-- A LOCK= stronger than the operation needs is the author's choice.
ALTER TABLE articles ADD INDEX articles_slug_idx (slug), LOCK=SHARED;
-- A table copy is alter-requires-table-copy's.
ALTER TABLE articles DROP PRIMARY KEY;
-- A refused clause is online-ddl-unsupported's.
CREATE FULLTEXT INDEX articles_body_ft ON articles (body) LOCK=NONE;
