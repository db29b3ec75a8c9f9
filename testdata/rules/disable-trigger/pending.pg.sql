-- ddlint-test: runner=dbmate
-- One ENABLE TRIGGER ALL ends every trigger the up migration's transaction
-- switched off on the table; ENABLE TRIGGER USER leaves ALL off, and the
-- down migration's DROP TABLE does not end the up migration's state.
-- migrate:up
ALTER TABLE users DISABLE TRIGGER users_audit, DISABLE TRIGGER USER; -- expect: disable-trigger@19 "trigger `users_audit` on `users` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); the ENABLE runs in the same transaction, so writes to the table wait until it commits", disable-trigger@48 "every user trigger on `users` under a SHARE ROW EXCLUSIVE lock (blocks writes to the table until the transaction ends); the ENABLE runs in the same transaction"
ALTER TABLE orders DISABLE TRIGGER ALL; -- expect: disable-trigger@20 "this migration never enables them again, so they stay off after it"
ALTER TABLE users ADD COLUMN note text, ENABLE TRIGGER ALL;
ALTER TABLE orders ENABLE TRIGGER USER;
-- migrate:down
DROP TABLE orders;
