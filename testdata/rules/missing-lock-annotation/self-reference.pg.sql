-- ddlint-test: rules=missing-lock-annotation
-- A foreign key to the table being created locks nothing another session can
-- see: only `users`, referenced twice, is named, once.
CREATE TABLE builds (id bigint PRIMARY KEY, parent_id bigint REFERENCES builds (id), owner_id bigint REFERENCES users (id), reviewer_id bigint REFERENCES users (id)); -- expect: missing-lock-annotation@1 "declare them: `users` (blocks writes)"
