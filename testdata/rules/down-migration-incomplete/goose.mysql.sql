-- +goose Up
CREATE TABLE audit_log (id BIGINT PRIMARY KEY, body TEXT) ENGINE=InnoDB; -- expect: down-migration-incomplete@14 "creates `audit_log`"
-- expect-next: down-migration-incomplete@19 "adds column `last_audit_id` to `users`", down-migration-incomplete@57 "adds index `users_audit_idx` to `users`"
ALTER TABLE users ADD COLUMN last_audit_id BIGINT NULL, ADD INDEX users_audit_idx (last_audit_id),
  ADD CONSTRAINT users_audit_fk FOREIGN KEY (last_audit_id) REFERENCES audit_log (id);
CREATE INDEX users_name_idx ON users (name); -- expect: down-migration-incomplete@1 "creates index `users_name_idx`"
DROP INDEX users_old_idx ON users; -- expect: down-migration-incomplete@1 "drops index `users_old_idx` of `users`"
-- The old definition of `total` is unknown: a change unless it restates it (conditional).
ALTER TABLE orders MODIFY COLUMN total BIGINT NOT NULL, ALTER COLUMN note SET DEFAULT ''; -- expect: down-migration-incomplete@40 "redefines column `total` of `orders` (a change unless it already has exactly this definition)"
ALTER TABLE orders CHANGE ref reference VARCHAR(40) NULL; -- expect: down-migration-incomplete@20 "renames column `ref` of `orders` to `reference`"
ALTER TABLE carts RENAME COLUMN qty TO quantity; -- expect: down-migration-incomplete@19 "renames column `qty` of `carts` to `quantity`"
RENAME TABLE legacy TO archive; -- expect: down-migration-incomplete@1 "renames `legacy` to `archive`"

-- +goose Down
-- Undoes only part of it: the foreign key.
ALTER TABLE users DROP FOREIGN KEY users_audit_fk;
