-- Near miss: the runner is not known and nothing in the file says it runs
-- outside a transaction (most runners wrap each migration in one), so the
-- file is not judged non-atomic.
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE INDEX accounts_email_idx ON accounts (email);
DROP TABLE legacy_accounts;
