-- ddlint-test: rules=drop-column,drop-table
-- Ignore comments that suppress nothing, or name rules that do not exist.
-- ddlint-ignore-file drop-table -- no table is dropped here -- expect: unused-ignore@23 "`drop-table` reports nothing in this file"

-- ddlint-ignore drop-column -- nothing is dropped by the next statement -- expect: unused-ignore@18 "`drop-column` reports nothing on the statement it covers"
ALTER TABLE users ADD COLUMN nickname text;

-- ddlint-ignore no-such-rule -- expect: unused-ignore@18 "unknown rule `no-such-rule`"
SELECT 1;

-- A misspelt id next to a correct one: only the misspelt one is reported.
-- ddlint-ignore drop-column, drop-colum -- expect: unused-ignore@31 "unknown rule `drop-colum`"
ALTER TABLE users DROP COLUMN legacy_flag;

-- A bare ignore covers every rule; here it covers nothing.
-- expect-next: unused-ignore@1 "suppresses nothing on the statement it covers"
-- ddlint-ignore
SELECT count(*) FROM users;

-- The ignore covers only the next statement, not the one after it.
-- ddlint-ignore drop-column -- expect: unused-ignore@18
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
ALTER TABLE users DROP COLUMN fax; -- expect: drop-column@19

-- A trailing ignore applies to the statement it ends, not to the next one.
ALTER TABLE users ADD COLUMN locale text; -- ddlint-ignore drop-column -- expect: unused-ignore@60 "`drop-column` reports nothing"
ALTER TABLE users DROP COLUMN region; -- expect: drop-column@19
