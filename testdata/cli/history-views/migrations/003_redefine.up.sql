-- Replacing a view's definition: its down would restore the old one.
CREATE OR REPLACE VIEW active_users AS SELECT id, name FROM users;
CREATE MATERIALIZED VIEW user_totals AS SELECT count(*) AS n FROM users;
REFRESH MATERIALIZED VIEW user_totals;
