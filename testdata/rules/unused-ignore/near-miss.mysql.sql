-- ddlint-test: rules=drop-column,drop-table
-- Clean: every ignore comment suppresses a real finding in a MySQL file.
-- ddlint-ignore drop-table -- audit tables are being retired
DROP TABLE audit_2019;

-- ddlint-ignore ban-drop-column -- squawk's name for drop-column
ALTER TABLE `users` DROP COLUMN `legacy_avatar`;

-- ddlint-ignore drop-column -- both drops are covered
ALTER TABLE users DROP COLUMN a, DROP COLUMN b;

-- ddlint-ignore truncate-table -- not enabled here, so not second-guessed
TRUNCATE TABLE sessions;
