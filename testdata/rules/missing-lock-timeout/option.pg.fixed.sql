-- ddlint-test: missing-lock-timeout.max_lock_timeout=10s
-- A larger maximum from the configuration.
SET lock_timeout = '10s';
ALTER TABLE users ADD COLUMN a text;
SET lock_timeout = '11s';
SET lock_timeout = '10s';
ALTER TABLE users ADD COLUMN b text; -- expect: missing-lock-timeout@1 "11s, above the maximum of 10s"
