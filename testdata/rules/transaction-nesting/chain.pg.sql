BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT AND CHAIN; -- expect: transaction-nesting@1 "COMMIT AND CHAIN starts a new transaction"
ALTER TABLE users ADD COLUMN bio text;
