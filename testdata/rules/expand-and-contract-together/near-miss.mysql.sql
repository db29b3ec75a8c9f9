-- Near misses (MySQL): expand and backfill without contract, a contract on another table,
-- a drop with no backfill in between, and a rename with no new column.
ALTER TABLE users ADD COLUMN full_name VARCHAR(255) NULL;
UPDATE users SET full_name = CONCAT(first_name, ' ', last_name) WHERE id < 10000;
ALTER TABLE profiles DROP COLUMN legacy_bio;

ALTER TABLE orders DROP COLUMN legacy_flag;
ALTER TABLE orders ADD COLUMN note TEXT NULL;
UPDATE orders SET note = '' WHERE id < 100;

ALTER TABLE carts CHANGE COLUMN qty quantity INT NOT NULL;
