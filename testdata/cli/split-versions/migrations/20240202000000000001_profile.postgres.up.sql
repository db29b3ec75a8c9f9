ALTER TABLE accounts ADD COLUMN expires_at timestamptz;
CREATE INDEX accounts_expires_idx ON accounts (expires_at);
