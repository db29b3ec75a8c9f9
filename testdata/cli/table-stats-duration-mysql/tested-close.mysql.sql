-- Expected duration: 2 min
-- Tested on: 20M rows
ALTER TABLE carts ADD INDEX carts_user_idx (user_id), ALGORITHM=INPLACE, LOCK=NONE;
