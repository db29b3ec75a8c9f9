-- TRUNCATE of existing tables (MySQL): the message names the lock the model gives.
TRUNCATE TABLE sessions; -- expect: truncate-table@16 "every row of `sessions` for good, under an MDL EXCLUSIVE lock"
TRUNCATE `shop`.`carts`; -- expect: truncate-table@10 "`shop.carts`"
