-- The history says which table the index belongs to: `orders`, named once,
-- with its kind.
DROP INDEX orders_user_idx;
ALTER INDEX orders_user_total_key RENAME TO orders_user_total_uniq;
DROP INDEX orders_user_total_uniq;
DROP INDEX legacy_idx;
