-- ddlint-test: runner=goose
-- +goose Up
-- Of several added columns backfilled later, the one whose name is closest
-- to the removed one (then the latest); a column added after the last
-- UPDATE is not backfilled; an UPDATE of the table in another schema does
-- not count for a qualified name.
ALTER TABLE users ADD COLUMN created_tmp timestamptz;
ALTER TABLE users ADD COLUMN note_tmp text;
UPDATE users SET created_tmp = created, note_tmp = note;
ALTER TABLE users ADD COLUMN late_tmp text;
ALTER TABLE public.users DROP COLUMN created; -- expect: expand-and-contract-together@26 "adds `created_tmp` to `public.users`, backfills it and drops `created`"
ALTER TABLE users DROP COLUMN note;
ALTER TABLE items ADD COLUMN a_tmp text;
ALTER TABLE items ADD COLUMN b_tmp text;
UPDATE other.items SET a_tmp = a;
ALTER TABLE public.items DROP COLUMN b;
ALTER TABLE items DROP COLUMN b2; -- expect: expand-and-contract-together@19 "adds `b_tmp` to `items`, backfills it and drops `b2`"
ALTER TABLE carts ADD COLUMN total_v2 numeric;
ALTER TABLE carts RENAME COLUMN total TO total_old;
ALTER TABLE carts ADD COLUMN late text;
UPDATE carts SET late = '';

-- +goose Down
ALTER TABLE orders ADD COLUMN x_tmp text;
UPDATE orders SET x_tmp = x;
ALTER TABLE orders DROP COLUMN x;
