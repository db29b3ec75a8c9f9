CREATE VIEW active_users AS SELECT id FROM users;
CREATE MATERIALIZED VIEW user_counts AS SELECT count(*) AS n FROM users;
