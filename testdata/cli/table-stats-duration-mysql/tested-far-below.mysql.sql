-- Expected duration: 30s
-- Tested on: 100k rows
ALTER TABLE carts ADD INDEX carts_user_idx (user_id), ALGORITHM=INPLACE, LOCK=NONE;
