-- The unsafe fix adds the CHECK NOT VALID and validates it by name in the
-- next statement (each statement commits on its own here).
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0); -- expect: add-check-validated@20
ALTER TABLE public."Orders" ADD CONSTRAINT "Quantity" CHECK (quantity > 0) NO INHERIT; -- expect: add-check-validated@29

-- Unnamed `column IS NOT NULL`: PostgreSQL names it table_column_check, and
-- the fix writes that name.
ALTER TABLE orders ADD CHECK (placed_at IS NOT NULL); -- expect: add-check-validated@20

-- No fix: an unnamed CHECK whose PostgreSQL name ddlint cannot tell (it
-- depends on the columns the expression reads), another action in the same
-- statement, an inline CHECK.
ALTER TABLE orders ADD CHECK (quantity > 0 AND total >= 0); -- expect: add-check-validated@20
ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_note_short CHECK (length(note) < 500); -- expect: add-check-validated@42
ALTER TABLE orders ADD COLUMN discount numeric CHECK (discount BETWEEN 0 AND 1); -- expect: add-check-validated@48
