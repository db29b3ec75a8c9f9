-- Dropped and created again in the same migration (an install script): the
-- rows are gone and deployed code finds the table empty. IF EXISTS makes the
-- finding conditional: the author does not know whether the table is there.
DROP TABLE IF EXISTS archives; -- expect: drop-table@22 "dropping table `archives` (if it exists) and creating it again at line 5 destroys every row it holds: code already deployed finds it empty"
CREATE TABLE archives (user_uuid CHAR(36) NOT NULL PRIMARY KEY);
DROP TABLE sessions; -- expect: drop-table@12 "dropping table `sessions` and creating it again at line 7"
CREATE TABLE sessions (id BIGINT PRIMARY KEY);
-- Not created again: the plain message, conditional with IF EXISTS.
DROP TABLE IF EXISTS audit_old; -- expect: drop-table@22 "dropping table `audit_old` (if it exists) destroys its data for good"
