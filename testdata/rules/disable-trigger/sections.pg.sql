-- ddlint-test: runner=dbmate
-- The down migration enabling the trigger does not end the up migration's
-- disabled state: each runs on its own.
-- migrate:up
ALTER TABLE users DISABLE TRIGGER users_audit; -- expect: disable-trigger@19 "never enables it again"
-- migrate:down
ALTER TABLE users ENABLE TRIGGER users_audit;
