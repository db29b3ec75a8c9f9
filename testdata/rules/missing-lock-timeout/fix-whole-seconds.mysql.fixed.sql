-- ddlint-test: missing-lock-timeout.max_lock_timeout=2500ms
-- lock_wait_timeout takes whole seconds: the fix rounds the maximum down.
SET SESSION lock_wait_timeout = 2;
ALTER TABLE users ADD COLUMN bio TEXT; -- expect: missing-lock-timeout@1 "no lock_wait_timeout set"
