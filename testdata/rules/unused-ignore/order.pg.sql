-- ddlint-test: rules=drop-column,drop-table
-- Of several ignore comments that cover a finding, the first in the file
-- that names its rule is the one used; a file-level one counts from where
-- it is written.
-- ddlint-ignore drop-table -- expect: unused-ignore@18 "`drop-table` reports nothing on the statement it covers"
-- ddlint-ignore drop-column
ALTER TABLE users DROP COLUMN a;

-- ddlint-ignore drop-column
-- expect-next: unused-ignore@1 "this ignore comment suppresses nothing on the statement it covers"
-- ddlint-ignore
ALTER TABLE users DROP COLUMN b;

ALTER TABLE users DROP COLUMN c; -- ddlint-ignore drop-column
-- ddlint-ignore drop-column
ALTER TABLE users DROP COLUMN d;

-- ddlint-ignore drop-table
DROP TABLE t1;
-- ddlint-ignore-file drop-table
DROP TABLE t2;
