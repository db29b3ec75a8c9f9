-- ddlint-test: missing-lock-timeout.max_lock_timeout=500ms
-- lock_wait_timeout takes whole seconds: below one second there is no value
-- that satisfies the maximum, so no fix.
ALTER TABLE users ADD COLUMN bio TEXT; -- expect: missing-lock-timeout@1 "no lock_wait_timeout set"
