-- Clean: online operations (INSTANT, INPLACE with LOCK=NONE, a rebuild that
-- allows reads and writes) block no reads or writes; nothing to declare.
-- Expected duration: 5 minutes
ALTER TABLE orders ADD COLUMN d INT, ALGORITHM=INSTANT;
ALTER TABLE items ADD INDEX idx_items_x (x), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE carts FORCE;
