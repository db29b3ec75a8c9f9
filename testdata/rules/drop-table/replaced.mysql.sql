-- Copy and rename (MySQL): RENAME TABLE puts the copy in the old table's place.
CREATE TABLE sessions_new (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL);
INSERT INTO sessions_new (id, user_id) SELECT id, user_id FROM `sessions`, users WHERE users.id = user_id;
DROP TABLE sessions; -- expect: drop-table@12 "dropping table `sessions` and renaming `sessions_new` into its place at line 5 replaces it: its rows were copied into `sessions_new` at line 3"
RENAME TABLE sessions_new TO sessions;
-- Near miss: copied, but renamed to another name: the plain message.
CREATE TABLE audit_copy (id BIGINT PRIMARY KEY);
INSERT INTO audit_copy SELECT * FROM audit;
DROP TABLE audit; -- expect: drop-table@12 "dropping table `audit` destroys its data for good"
RENAME TABLE audit_copy TO audit_2024;
