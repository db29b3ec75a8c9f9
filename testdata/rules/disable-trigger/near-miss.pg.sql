-- Clean: a table created in this migration whose triggers are enabled again
-- (no one else writes to it yet, and USER leaves foreign keys on).
CREATE TABLE staging (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
ALTER TABLE staging DISABLE TRIGGER USER;
INSERT INTO staging SELECT id, id FROM users;
ALTER TABLE staging ENABLE TRIGGER USER;
CREATE TABLE scratch (id bigint);
ALTER TABLE scratch DISABLE TRIGGER scratch_touch;
ALTER TABLE scratch ENABLE ALWAYS TRIGGER scratch_touch;

-- Clean: enabling triggers, and other ENABLE/DISABLE subcommands.
ALTER TABLE users ENABLE TRIGGER ALL;
ALTER TABLE users ENABLE REPLICA TRIGGER users_audit;
ALTER TABLE users DISABLE RULE users_noop;
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
