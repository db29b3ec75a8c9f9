-- MySQL: a column replaced with a backfill, a swap written with CHANGE and RENAME COLUMN,
-- and a table swap with RENAME TABLE.
ALTER TABLE users ADD COLUMN email_address VARCHAR(255) NULL;
UPDATE users SET email_address = email WHERE id < 10000;
ALTER TABLE users DROP COLUMN email; -- expect: expand-and-contract-together@19 "adds `email_address` to `users`, backfills it and drops `email`"

ALTER TABLE orders ADD COLUMN status_v2 VARCHAR(20) NULL;
ALTER TABLE orders CHANGE COLUMN status status_old VARCHAR(20) NULL;
ALTER TABLE orders RENAME COLUMN status_v2 TO status; -- expect: expand-and-contract-together@20 "replaces column `status` of `orders` with the new `status_v2`"

CREATE TABLE accounts_new (id BIGINT PRIMARY KEY, email VARCHAR(255)) ENGINE=InnoDB;
INSERT INTO accounts_new SELECT id, email FROM accounts;
RENAME TABLE accounts TO accounts_old;
RENAME TABLE accounts_new TO accounts; -- expect: expand-and-contract-together@1 "replaces table `accounts` with `accounts_new`"
