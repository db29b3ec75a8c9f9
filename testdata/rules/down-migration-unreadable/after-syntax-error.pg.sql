-- ddlint-test: down_file=000044_orders.down.go rules=syntax-error
-- A statement that does not parse comes first: the finding is at the first statement that does.
ALTER TABLE orders DRP COLUMN note; -- expect: syntax-error@20
CREATE TABLE order_notes (id bigint PRIMARY KEY); -- expect: down-migration-unreadable@1 "`000044_orders.down.go`"
