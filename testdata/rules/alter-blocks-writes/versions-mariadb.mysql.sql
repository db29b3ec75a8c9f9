-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB renames a table instantly under LOCK=EXCLUSIVE: an instant change
-- holds its lock only for the metadata change.
ALTER TABLE articles RENAME TO posts;
ALTER TABLE posts ADD FULLTEXT INDEX posts_body_ft (body); -- expect: alter-blocks-writes@19 "on MariaDB 10.11"
