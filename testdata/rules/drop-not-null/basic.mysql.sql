-- A MODIFY/CHANGE restates the whole column: without NOT NULL it becomes nullable.
ALTER TABLE users MODIFY email VARCHAR(200); -- expect: drop-not-null@26 "unless `email` is already nullable"
ALTER TABLE users ADD COLUMN name VARCHAR(50) NOT NULL DEFAULT '';
ALTER TABLE users MODIFY name VARCHAR(80) DEFAULT ''; -- expect: drop-not-null@26 "`users`.`name` without NOT NULL makes it nullable:"
ALTER TABLE users ADD COLUMN title VARCHAR(50) NOT NULL;
ALTER TABLE users CHANGE title heading VARCHAR(80) NULL; -- expect: drop-not-null@32 "`users`.`title` (renamed `heading`)"
