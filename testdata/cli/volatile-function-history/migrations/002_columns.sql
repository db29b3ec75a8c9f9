-- new_token() is declared VOLATILE (by default) in 001: a rewrite.
ALTER TABLE users ADD COLUMN token text DEFAULT new_token();
-- Near miss: default_plan() is IMMUTABLE.
ALTER TABLE users ADD COLUMN plan text DEFAULT default_plan();
