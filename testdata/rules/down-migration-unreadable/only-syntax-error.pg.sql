-- ddlint-test: down_file=000045_orders.down.go rules=syntax-error
-- No statement parses: the finding is at the first one that does not.
ALTER TABLE orders DRP COLUMN note; -- expect: syntax-error@20, down-migration-unreadable@1 "`000045_orders.down.go`"
ALTER TABLE orders DRP COLUMN total; -- expect: syntax-error@20
