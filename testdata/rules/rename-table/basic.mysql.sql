-- Renaming existing tables (MySQL): each pair of RENAME TABLE is reported at the pair.
RENAME TABLE users TO accounts; -- expect: rename-table@14 "renaming table `users` to `accounts`"
RENAME TABLE orders TO orders_2024, `carts` TO baskets; -- expect: rename-table@14 "`orders`", rename-table@37 "`carts` to `baskets`"
ALTER TABLE invoices RENAME TO bills; -- expect: rename-table@22 "fail from the moment the statement runs"
ALTER TABLE payments RENAME AS payment; -- expect: rename-table@22 "`payments` to `payment`"
ALTER TABLE ledger ADD COLUMN note TEXT, RENAME TO ledger_entries; -- expect: rename-table@42 "`ledger`"
