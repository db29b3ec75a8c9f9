-- Expected duration: about 2 minutes
-- expect-next: missing-duration-annotation@1 "cannot read the row count `lots of rows` in `-- Tested on:`"
-- Tested on: lots of rows
CREATE INDEX users_email_idx ON users (email);
