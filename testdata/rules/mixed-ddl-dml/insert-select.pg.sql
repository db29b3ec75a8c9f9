-- A backfill of an existing table from another one, next to a rename.
INSERT INTO user_emails (user_id, email) SELECT id, email FROM users;
ALTER TABLE users RENAME COLUMN email TO legacy_email; -- expect: mixed-ddl-dml@1 "copies rows into `user_emails`"
