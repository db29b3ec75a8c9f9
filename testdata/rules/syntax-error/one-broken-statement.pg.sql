-- ddlint-test: rules=drop-column
-- One statement does not parse; the ten around it are still parsed and linted.
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);
CREATE TABLE ledgers (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
CREATE INDEX ledgers_account_idx ON ledgers (account_id);
INSERT INTO accounts (id, owner) VALUES (1, 'ops');
ALTER TABLE accounts ADD COLUMN closed_at timestamptz;
ALTER TABLE ledgers
  ADD COLUMN memo text,
  ADD COLUMN posted_at timestamptz DEFAULT, -- expect: syntax-error@43 "syntax error"
  ADD COLUMN amount numeric;
UPDATE accounts SET owner = 'finance' WHERE id = 1;
CREATE VIEW open_accounts AS SELECT * FROM accounts WHERE closed_at IS NULL;
COMMENT ON TABLE ledgers IS 'double-entry ledger; one row per posting';
SELECT count(*) FROM ledgers;
ALTER TABLE users DROP COLUMN legacy_flag; -- expect: drop-column@19
