-- ddlint-test: runner=dbmate
-- An ANALYZE in the down migration does not count for the up migration, and
-- a statement after another on the same line gets the ANALYZE after it.
-- migrate:up
UPDATE users SET plan = 'free'; SELECT 1; -- expect: missing-analyze@1 "every row of `users`"
VACUUM (ANALYZE false) users;
-- migrate:down
ANALYZE users;
