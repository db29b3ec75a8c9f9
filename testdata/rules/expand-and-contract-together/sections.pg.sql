--liquibase formatted sql
-- ddlint-test: runner=liquibase
-- Each changeset is a migration of its own: halves of a replacement in
-- different changesets are not reported, the same halves in one changeset are.
--changeset alice:1
ALTER TABLE users ADD COLUMN nickname_v2 text;
UPDATE users SET nickname_v2 = nickname;
--changeset alice:2
ALTER TABLE users DROP COLUMN nickname;
--changeset alice:3
ALTER TABLE accounts ADD COLUMN code_new text;
ALTER TABLE accounts DROP COLUMN code;
--changeset alice:4
ALTER TABLE accounts RENAME COLUMN code_new TO code;
--changeset alice:5
ALTER TABLE carts RENAME TO carts_old;
--changeset alice:6
CREATE TABLE carts_new (id bigint);
ALTER TABLE carts_new RENAME TO carts;
--changeset alice:7
ALTER TABLE orders ADD COLUMN total_v2 numeric;
UPDATE orders SET total_v2 = total;
ALTER TABLE orders DROP COLUMN total; -- expect: expand-and-contract-together@20 "adds `total_v2` to `orders`, backfills it and drops `total`"
