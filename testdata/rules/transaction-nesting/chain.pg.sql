BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT AND CHAIN; -- expect: transaction-nesting "COMMIT AND CHAIN starts a new transaction"
ALTER TABLE users ADD COLUMN bio text;
