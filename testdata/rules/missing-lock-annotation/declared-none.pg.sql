-- Clean for this rule: a declaration exists (whether it is strong enough is
-- not this rule's question).
-- Locks: none
ALTER TABLE users ADD COLUMN nickname text;
