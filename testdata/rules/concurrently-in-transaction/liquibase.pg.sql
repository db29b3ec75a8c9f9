--liquibase formatted sql
-- ddlint-test: runner=liquibase
--changeset alice:1
CREATE INDEX CONCURRENTLY users_email_idx ON users (email); -- expect: concurrently-in-transaction@1 "runner opens"
--rollback DROP INDEX CONCURRENTLY users_email_idx;
