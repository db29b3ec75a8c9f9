-- dbmate without a down section: nothing can restore the table.
-- migrate:up
DROP TABLE IF EXISTS old_sessions; -- expect: drop-breaks-down-migration@22 "no down migration"
