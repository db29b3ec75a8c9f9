CREATE TABLE audit_log (id bigint PRIMARY KEY, account_id bigint NOT NULL);
