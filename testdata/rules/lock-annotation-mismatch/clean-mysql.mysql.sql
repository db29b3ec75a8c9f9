-- Clean: a COPY blocks writes, as declared; LOCK=NONE needs no declaration.
-- Locks: users (write)
ALTER TABLE users ADD COLUMN c INT, ALGORITHM=COPY;
ALTER TABLE orders ADD INDEX idx_orders_x (x), ALGORITHM=INPLACE, LOCK=NONE;
