-- MySQL gives existing rows the type's implicit default; INSERTs that leave
-- the column out fail in strict mode.
ALTER TABLE users ADD COLUMN age INT NOT NULL; -- expect: add-column-not-null-no-default@19 "`age`"
ALTER TABLE `orders` ADD note VARCHAR(20) NOT NULL DEFAULT NULL; -- expect: add-column-not-null-no-default@22 "implicit default"
ALTER TABLE users
  ADD COLUMN a INT NOT NULL DEFAULT 0,
  ADD COLUMN b DATETIME NOT NULL AFTER a; -- expect: add-column-not-null-no-default@3 "`b`"
