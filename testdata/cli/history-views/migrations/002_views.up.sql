-- Both views come back with the down migration: nothing is lost.
DROP VIEW active_users;
DROP MATERIALIZED VIEW user_counts;
-- This one does not.
DROP VIEW user_names;
