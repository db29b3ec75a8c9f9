-- ddlint-test: mysql_version=mariadb-10.11
-- MariaDB has IF [NOT] EXISTS for columns, indexes and constraints as well.
CREATE INDEX IF NOT EXISTS users_nickname_idx ON users (nickname); -- expect: non-idempotent-ddl@1 "CREATE INDEX `users_nickname_idx` has no IF NOT EXISTS"
-- expect-next: non-idempotent-ddl@19 "ADD COLUMN `nickname` to `users`", non-idempotent-ddl@57 "DROP COLUMN `legacy` of `users`", non-idempotent-ddl@77 "DROP FOREIGN KEY `users_org_fk` of `users`", non-idempotent-ddl@108 "DROP INDEX `users_old_idx` of `users`"
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname VARCHAR(40) NULL, DROP COLUMN IF EXISTS legacy, DROP FOREIGN KEY IF EXISTS users_org_fk, DROP INDEX IF EXISTS `users_old_idx`,
  ADD COLUMN IF NOT EXISTS bio TEXT, DROP COLUMN IF EXISTS old;
ALTER TABLE users ADD INDEX users_bio_idx (bio(20)), DROP CONSTRAINT IF EXISTS users_age_check; -- expect: non-idempotent-ddl@19 "ADD INDEX `users_bio_idx` to `users` has no IF NOT EXISTS", non-idempotent-ddl@54 "DROP CONSTRAINT `users_age_check`"
DROP INDEX IF EXISTS users_email_idx ON users; -- expect: non-idempotent-ddl@1 "DROP INDEX `users_email_idx` of `users` has no IF EXISTS"
