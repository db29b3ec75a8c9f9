-- DROP INDEX IF EXISTS of an index no migration ddlint read creates drops
-- something only if the database has it: the finding says so. A plain DROP
-- INDEX says the index exists.
-- migrate:up
DROP INDEX IF EXISTS devices_lookup_key; -- expect: down-migration-incomplete@22 "drops index `devices_lookup_key` if it exists (unless the database does not have it"
DROP INDEX devices_kid_key; -- expect: down-migration-incomplete@12 "drops index `devices_kid_key` but"

-- migrate:down
SELECT 1;
