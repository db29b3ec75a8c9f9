-- orders is dropped and created again: its old index went with it, so the
-- DROP INDEX IF EXISTS below locks no existing table.
DROP TABLE orders;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, total numeric);
DROP INDEX IF EXISTS orders_total_idx;
