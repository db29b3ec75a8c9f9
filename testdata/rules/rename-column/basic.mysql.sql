-- Renaming columns of existing tables (MySQL): RENAME COLUMN and a CHANGE that gives a new name.
ALTER TABLE users RENAME COLUMN name TO full_name; -- expect: rename-column@19 "renaming column `users`.`name` to `full_name`"
ALTER TABLE users CHANGE email email_address VARCHAR(320) NOT NULL; -- expect: rename-column@19 "`email` to `email_address`"
ALTER TABLE `shop`.`orders` CHANGE COLUMN `Total` amount DECIMAL(10,2); -- expect: rename-column@29 "`shop.orders`.`total` to `amount`"
ALTER TABLE users
  ADD COLUMN nickname VARCHAR(50),
  RENAME COLUMN login TO username; -- expect: rename-column@3 "fail from the moment the statement runs"
-- The swap renames the old column too: that one deployed code names.
ALTER TABLE job ADD due_tmp DATETIME(3) NULL;
ALTER TABLE job CHANGE due due_old DATETIME NULL; -- expect: rename-column@17 "`due` to `due_old`"
