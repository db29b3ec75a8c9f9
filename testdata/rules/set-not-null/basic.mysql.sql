-- A MODIFY/CHANGE that restates a column as NOT NULL rebuilds the table.
-- The old definition is unknown: the finding says what it depends on.
ALTER TABLE users MODIFY email VARCHAR(100) NOT NULL; -- expect: set-not-null@45 "unless `email` is already NOT NULL"
-- Known nullable (the statement before restates it): a change for sure.
ALTER TABLE users ADD COLUMN nick VARCHAR(20) NULL;
ALTER TABLE users MODIFY nick VARCHAR(20) NOT NULL; -- expect: set-not-null@43 "making `users`.`nick` NOT NULL"
ALTER TABLE users ADD COLUMN city VARCHAR(20);
ALTER TABLE users CHANGE COLUMN city town VARCHAR(20) NOT NULL DEFAULT ''; -- expect: set-not-null@55 "`users`.`city` (renamed `town`)"
ALTER TABLE orders MODIFY id BIGINT PRIMARY KEY; -- expect: set-not-null@37 "strict sql_mode"
