CREATE TABLE users (id bigint PRIMARY KEY, name text);
CREATE VIEW active_users AS SELECT id FROM users;
CREATE MATERIALIZED VIEW user_counts AS SELECT count(*) AS n FROM users;
CREATE VIEW user_names AS SELECT name FROM users;
