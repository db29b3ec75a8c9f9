-- Column replaced with a backfill: reported once, at the first drop.
ALTER TABLE users ADD COLUMN full_name text;
UPDATE users SET full_name = first_name || ' ' || last_name WHERE id < 10000;
ALTER TABLE users DROP COLUMN first_name, DROP COLUMN last_name; -- expect: expand-and-contract-together@19 "adds `full_name` to `users`, backfills it and drops `first_name`"

-- Column swap by renames.
ALTER TABLE orders ADD COLUMN status_v2 text;
ALTER TABLE orders RENAME COLUMN status TO status_old;
ALTER TABLE orders RENAME COLUMN status_v2 TO status; -- expect: expand-and-contract-together@1 "replaces column `status` of `orders`"

-- Table swap.
CREATE TABLE accounts_new (id bigint PRIMARY KEY, email text);
INSERT INTO accounts_new SELECT id, email FROM accounts;
ALTER TABLE accounts RENAME TO accounts_old;
ALTER TABLE accounts_new RENAME TO accounts; -- expect: expand-and-contract-together@1 "replaces table `accounts` with `accounts_new`"
