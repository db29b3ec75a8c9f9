--liquibase formatted sql
-- ddlint-test: runner=liquibase
-- Near miss: the changeset runs without a transaction.
--changeset alice:1 runInTransaction:false
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
--rollback DROP INDEX CONCURRENTLY users_email_idx;
