-- ddlint-test: schema_complete=true
-- Near misses: objects created earlier, IF EXISTS guards, runner tables,
-- catalogs, and tables whose column list is not known.
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
CREATE INDEX orders_user_idx ON orders (user_id, (lower(note)));
DROP TABLE IF EXISTS legacy;
ALTER TABLE IF EXISTS legacy DROP COLUMN x;
ALTER TABLE orders DROP COLUMN IF EXISTS gone;
INSERT INTO schema_migrations (version) VALUES ('42');
UPDATE pg_catalog.pg_class SET relname = relname WHERE oid = 0;
CREATE TABLE report AS SELECT id FROM orders;
ALTER TABLE report DROP COLUMN anything;
ALTER TABLE orders RENAME TO purchases;
ALTER TABLE purchases RENAME COLUMN note TO remark;
ALTER TABLE purchases ALTER COLUMN remark TYPE text;
-- A column and a constraint on it added by one statement.
ALTER TABLE users ADD COLUMN account_id bigint, ADD CONSTRAINT users_account_fk FOREIGN KEY (account_id) REFERENCES users (id) NOT VALID;
-- A temporary table exists for the rest of the session.
CREATE TEMP TABLE dedup_map AS SELECT id FROM users;
UPDATE users SET email = NULL FROM dedup_map WHERE users.id = dedup_map.id;
