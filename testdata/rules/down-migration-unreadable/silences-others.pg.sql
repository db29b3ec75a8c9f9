-- ddlint-test: down_file=000043_orders.down.go rules=drop-breaks-down-migration,missing-down-migration,down-migration-incomplete
-- The unreadable down migration is neither missing nor compared: only this rule speaks.
ALTER TABLE orders DROP COLUMN note; -- expect: down-migration-unreadable@1 "`000043_orders.down.go`"
CREATE TABLE order_notes (id bigint PRIMARY KEY);
