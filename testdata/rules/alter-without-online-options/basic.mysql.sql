-- ALTER TABLE without ALGORITHM= or LOCK= on MySQL 8.4 (the default target).
-- The fix pins what the server does: INSTANT (MySQL takes no LOCK= with it),
-- else INPLACE with the weakest lock that works.
ALTER TABLE orders ADD COLUMN note VARCHAR(200); -- expect: alter-without-online-options@1 "ALTER TABLE `orders` has no ALGORITHM= or LOCK= clause: the server silently runs it however it can, a blocking table copy included, instead of refusing it (ddlint expects ALGORITHM=INSTANT on MySQL 8.4)"
ALTER TABLE orders ADD INDEX orders_placed_idx (placed_at); -- expect: alter-without-online-options@1 "(ddlint expects ALGORITHM=INPLACE, LOCK=NONE on MySQL 8.4)"
-- expect-next: alter-without-online-options@1 "(ddlint expects ALGORITHM=INPLACE, LOCK=SHARED on MySQL 8.4)"
ALTER TABLE orders
  ADD FULLTEXT INDEX orders_note_ft (note);
-- A table copy gets no fix (alter-requires-table-copy reports it).
ALTER TABLE orders DROP PRIMARY KEY; -- expect: alter-without-online-options@1 "(on MySQL 8.4 it copies the table)"
ALTER TABLE orders MODIFY total BIGINT NOT NULL; -- expect: alter-without-online-options@1 "it copies the table"
