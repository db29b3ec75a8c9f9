-- A column replaced by a copy renamed into its place in the same migration:
-- its values survive only if the copy holds them (conditional).
ALTER TABLE flows ADD COLUMN requested_scope_json jsonb;
UPDATE flows SET requested_scope_json = to_jsonb(string_to_array(requested_scope, '|')) WHERE true;
ALTER TABLE flows DROP COLUMN requested_scope; -- expect: drop-column@19 "dropping column `requested_scope` of `flows` and renaming `requested_scope_json` into its place at line 6 replaces it: its values are lost unless `requested_scope_json` holds a copy of them"
ALTER TABLE flows RENAME COLUMN requested_scope_json TO requested_scope;
-- Near misses: renamed to another name, or another table's column: the plain message.
ALTER TABLE flows DROP COLUMN audience; -- expect: drop-column@19 "dropping column `audience` of `flows` destroys its data for good"
ALTER TABLE flows RENAME COLUMN audience_json TO audience_list;
ALTER TABLE grants DROP COLUMN scope; -- expect: drop-column@20 "dropping column `scope` of `grants` destroys its data for good"
ALTER TABLE flows RENAME COLUMN scope_json TO scope;
