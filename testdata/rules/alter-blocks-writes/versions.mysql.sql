-- ddlint-test: mysql_version=5.7
-- MySQL 5.7 converts a character set by copying (not this rule's); a first
-- FULLTEXT index blocks writes there too.
ALTER TABLE articles CONVERT TO CHARACTER SET utf8mb4;
CREATE FULLTEXT INDEX articles_body_ft ON articles (body); -- expect: alter-blocks-writes@1 "on MySQL 5.7"
