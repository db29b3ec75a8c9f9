-- A sequence OWNED BY a column is dropped with the column or its table: a
-- down migration that drops the owner undoes the sequence too. One that is
-- not owned, or owned by a table the down keeps, is still reported.
-- migrate:up
CREATE TABLE locks (id bigint PRIMARY KEY, version bigint);
CREATE SEQUENCE locks_version_seq OWNED BY locks.version;
CREATE SEQUENCE locks_id_seq;
ALTER SEQUENCE locks_id_seq OWNED BY locks.id;
CREATE SEQUENCE job_seq; -- expect: down-migration-incomplete@1 "creates `job_seq`"
CREATE SEQUENCE orders_ref_seq OWNED BY orders.ref; -- expect: down-migration-incomplete@1 "creates `orders_ref_seq`"
ALTER TABLE users ADD COLUMN badge int;
CREATE SEQUENCE users_badge_seq OWNED BY users.badge;

-- migrate:down
DROP TABLE IF EXISTS locks;
ALTER TABLE users DROP COLUMN badge;
