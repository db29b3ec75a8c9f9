DROP VIEW user_names;
DROP MATERIALIZED VIEW user_counts;
DROP TABLE users;
