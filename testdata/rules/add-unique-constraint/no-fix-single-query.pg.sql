-- ddlint-test: runner=golang-migrate
-- A migration sent as one query string runs in an implicit transaction once
-- it holds two statements, where CONCURRENTLY fails: no fix.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: add-unique-constraint@19
