-- A short statement_timeout also cancels a statement waiting for its lock.
SET statement_timeout = '3s';
ALTER TABLE users ADD COLUMN a text;
SET statement_timeout = '10min';
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN b text; -- expect: missing-lock-timeout@1
SET lock_timeout = '1s';
ALTER TABLE users ADD COLUMN c text;
