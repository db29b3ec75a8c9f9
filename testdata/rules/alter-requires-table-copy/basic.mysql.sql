-- Changes MySQL 8.4 (the default target) can make only by copying the table.
ALTER TABLE orders DROP PRIMARY KEY; -- expect: alter-requires-table-copy@20 "DROP PRIMARY KEY needs a copy of `orders` on MySQL 8.4 (ALGORITHM=COPY): every row is copied into a new table and every index rebuilt; the copy blocks writes to `orders` until it finishes"
ALTER TABLE orders ADD COLUMN total_cents BIGINT AS (total * 100) STORED; -- expect: alter-requires-table-copy@20 "ADD COLUMN ... STORED"
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0); -- expect: alter-requires-table-copy@20 "ADD CHECK"
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: alter-requires-table-copy@20 "ADD FOREIGN KEY (foreign_key_checks=1)"
-- The finding is on the subcommand that needs the copy.
ALTER TABLE orders ADD COLUMN note TEXT, DROP PRIMARY KEY, ADD INDEX orders_note_idx (note(20)); -- expect: alter-requires-table-copy@42 "DROP PRIMARY KEY"
-- An explicit ALGORITHM=COPY where the server could work in place.
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at), ALGORITHM=COPY; -- expect: alter-requires-table-copy@61 "ALGORITHM=COPY copies `orders`: every row is copied into a new table and every index rebuilt; the copy blocks writes to `orders` until it finishes, although MySQL 8.4 can run this statement with ALGORITHM=INPLACE, LOCK=NONE"
-- Last: from here on `orders` is a MyISAM table, where every later change would copy it.
ALTER TABLE orders ENGINE=MyISAM; -- expect: alter-requires-table-copy@20 "ENGINE= (other engine)"
