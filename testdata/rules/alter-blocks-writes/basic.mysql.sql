-- In-place operations that still block writes on MySQL 8.4 (the default target).
CREATE FULLTEXT INDEX articles_body_ft ON articles (body); -- expect: alter-blocks-writes@1 "ADD FULLTEXT INDEX (first) runs in place on MySQL 8.4 but blocks writes to `articles` (LOCK=SHARED) until it finishes, and it rebuilds the table"
ALTER TABLE articles ADD FULLTEXT INDEX articles_title_ft (title); -- expect: alter-blocks-writes@22 "ADD FULLTEXT INDEX (first)"
ALTER TABLE places ADD SPATIAL INDEX places_location_sp (location); -- expect: alter-blocks-writes@20 "ADD SPATIAL INDEX runs in place on MySQL 8.4 but blocks writes to `places` (LOCK=SHARED) until it finishes"
ALTER TABLE articles ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE; -- expect: alter-blocks-writes@22 "ADD COLUMN ... AUTO_INCREMENT"
ALTER TABLE articles CONVERT TO CHARACTER SET utf8mb4; -- expect: alter-blocks-writes@22 "CONVERT TO CHARACTER SET runs in place"
-- The finding is on the subcommand that needs the lock.
ALTER TABLE articles ADD INDEX articles_author_idx (author_id), ADD FULLTEXT INDEX articles_title_ft (title); -- expect: alter-blocks-writes@65 "ADD FULLTEXT INDEX (first)"
