-- ddlint-test: down_file=000046_orders.down.go rules=syntax-error
-- The first statement does not parse but is recovered (the table it creates): the finding is there.
CREATE TABLE order_notes (id bigint PRIMARY KEY,); -- expect: syntax-error@49, down-migration-unreadable@1 "`000046_orders.down.go`"
CREATE INDEX order_notes_id_idx ON order_notes (id);
