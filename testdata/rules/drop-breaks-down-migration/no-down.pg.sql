-- dbmate without a down section: nothing can restore the table. A DROP TABLE
-- IF EXISTS of a table no migration read creates is conditional; a plain
-- DROP TABLE says the table exists.
-- migrate:up
DROP TABLE IF EXISTS old_sessions; -- expect: drop-breaks-down-migration@22 "drops table `old_sessions` if it exists and has no down migration"
DROP TABLE old_tokens; -- expect: drop-breaks-down-migration@12 "drops table `old_tokens` and has no down migration"
