-- ddlint-test: rules=drop-column,drop-table
-- Ignore comments in MySQL files that suppress nothing (MySQL's `#` comments too).
-- ddlint-ignore-file drop-table -- no table is dropped here -- expect: unused-ignore@23 "`drop-table` reports nothing in this file"

-- ddlint-ignore drop-column -- nothing is dropped by the next statement -- expect: unused-ignore@18 "`drop-column` reports nothing on the statement it covers"
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);

-- ddlint-ignore no-such-rule -- expect: unused-ignore@18 "unknown rule `no-such-rule`"
SELECT 1;

/* ddlint-ignore drop-column */ ALTER TABLE `users` MODIFY `name` VARCHAR(200); -- expect: unused-ignore@18 "`drop-column` reports nothing"
