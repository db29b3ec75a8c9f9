-- Clean: a table created in this file, and a table swap (the old name exists again at once).
CREATE TABLE imports (id BIGINT PRIMARY KEY);
RENAME TABLE imports TO imports_2024;
RENAME TABLE users TO users_old, users_new TO users;
ALTER TABLE events RENAME TO events_old;
CREATE TABLE events (id BIGINT PRIMARY KEY, payload JSON);
-- Renaming a column or an index is not renaming a table.
ALTER TABLE orders RENAME INDEX idx_a TO idx_b;
