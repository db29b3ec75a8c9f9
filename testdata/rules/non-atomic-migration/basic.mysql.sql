-- Three DDL statements: one finding, at the second.
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT;
UPDATE orders SET note = '' WHERE id < 1000;
CREATE INDEX orders_note_idx ON orders (note); -- expect: non-atomic-migration@1 "this migration runs 3 DDL statements and MySQL commits each one on its own"
DROP TABLE legacy_orders;
