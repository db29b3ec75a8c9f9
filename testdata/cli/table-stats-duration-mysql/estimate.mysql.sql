-- A table copy of orders and an index build on carts, no duration annotation: the estimate.
ALTER TABLE orders MODIFY COLUMN total DECIMAL(20, 2) NOT NULL, ALGORITHM=COPY;
ALTER TABLE carts ADD INDEX carts_user_idx (user_id), ALGORITHM=INPLACE, LOCK=NONE;
